package com.storefront.display.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;

import com.storefront.display.ingest.batch.IngestMetrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The error handler retries a failed poll whatever the exception: nothing is ever discarded. */
class ErrorHandlerTest {

    @Test
    void noExceptionTypeIsClassifiedAsNotRetryable() {
        IngestProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("display.ingest", Bindable.of(IngestProperties.class));
        DefaultErrorHandler handler = (DefaultErrorHandler) new IngestConfiguration()
                .retryUntilWritten(defaults, new IngestMetrics(new SimpleMeterRegistry()));

        // Spring Kafka's default list, which would discard a poll after one attempt
        assertThat(ExceptionClassifier.defaultFatalExceptionsList()).contains(ClassCastException.class);
        for (Class<? extends Throwable> fatalByDefault : ExceptionClassifier.defaultFatalExceptionsList()) {
            @SuppressWarnings("unchecked")
            Class<? extends Exception> type = (Class<? extends Exception>) fatalByDefault;
            assertThat(handler.removeClassification(type)).as(type.getSimpleName()).isNotEqualTo(Boolean.FALSE);
        }
    }
}
