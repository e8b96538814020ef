package com.storefront.display.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.api.cassandra.ReadModelOverloaded;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ApiProblemsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiProblems problems = new ApiProblems(new Binder(new MapConfigurationPropertySource(
            Map.of("display.api.retry-after", "3s"))).bindOrCreate("display.api", Bindable.of(DisplayApiProperties.class)), meters);

    @Test
    void aReadRefusedAtTheInFlightLimitIsA503WithRetryAfterAndIsCounted() {
        ServerResponse response = problems.response(new ReadModelOverloaded(512),
                MockServerRequest.builder().uri(java.net.URI.create("/api/shops/7")).build()).block();

        assertThat(response.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(meters.get("display.api.shed").counter().count()).isEqualTo(1.0);
    }
}
