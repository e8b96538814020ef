package com.storefront.display.api.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.cassandra.core.cql.ReactiveCqlOperations;

import com.storefront.display.api.DisplayApiProperties;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class ReadModelQueriesTest {

    /** A Cassandra that never answers: every read stays in flight until its subscriber gives up. */
    private final AtomicInteger calls = new AtomicInteger();
    private final ReactiveCqlOperations silent = (ReactiveCqlOperations) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ReactiveCqlOperations.class}, (proxy, method, args) -> {
                calls.incrementAndGet();
                return method.getReturnType().isAssignableFrom(Mono.class) ? Mono.never() : reactor.core.publisher.Flux.never();
            });

    @Test
    void aReadBeyondTheLimitFailsAtOnceAndAFreedSlotIsUsedAgain() {
        ReadModelQueries queries = new ReadModelQueries(silent, properties(2));
        Disposable first = queries.query("SELECT 1", 1, row -> row).subscribe();
        Disposable second = queries.query("SELECT 1", 1, row -> row).subscribe();

        Throwable third = queries.query("SELECT 1", 1, row -> row).then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just).block(Duration.ofSeconds(1));
        assertThat(third).isInstanceOf(ReadModelOverloaded.class).hasMessageContaining("2 reads in flight");
        assertThat(queries.inFlight()).isEqualTo(2);

        first.dispose();
        assertThat(queries.inFlight()).as("a request that gave up frees its slot").isEqualTo(1);
        Disposable again = queries.query("SELECT 1", 1, row -> row).subscribe();
        assertThat(queries.inFlight()).isEqualTo(2);
        second.dispose();
        again.dispose();
        assertThat(queries.inFlight()).isZero();
    }

    private static DisplayApiProperties properties(int maxInFlightReads) {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("display.api.max-in-flight-reads",
                Integer.toString(maxInFlightReads)))).bindOrCreate("display.api", Bindable.of(DisplayApiProperties.class));
    }
}
