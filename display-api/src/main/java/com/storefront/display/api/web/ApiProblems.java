package com.storefront.display.api.web;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.api.cassandra.ReadModelOverloaded;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Every failure of a store-front request as an {@code application/problem+json} response (RFC 9457).
 * {@link InvalidRequest}, {@link NotDisplayed} and Spring's own {@link ErrorResponse}s keep their
 * status; a read model that cannot answer in time (Cassandra down, slow or overloaded), and a read
 * refused because the instance has {@code display.api.max-in-flight-reads} in flight, are 503s with
 * {@code Retry-After}; anything else is a 500 that is logged.
 */
@Component
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    /** During an outage every request fails alike: one log line per interval says how many did. */
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final DisplayApiProperties properties;
    private final AtomicLong unavailableSinceLog = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    private final Counter shed;

    public ApiProblems(DisplayApiProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.shed = Counter.builder("display.api.shed").description("requests answered 503 at once: the instance had "
                + "display.api.max-in-flight-reads reads in flight").register(meters);
    }

    public Mono<ServerResponse> response(Throwable failure, ServerRequest request) {
        if (failure instanceof ErrorResponse error) {
            return problem(error.getBody(), request, new HttpHeaders());
        }
        if (failure instanceof ReadModelOverloaded overloaded) {
            shed.increment();
            return problem(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "this instance is at its limit of reads in flight; retry shortly"), request, retryAfter());
        }
        if (failure instanceof TransientDataAccessException || failure instanceof DataAccessResourceFailureException
                || failure instanceof TimeoutException) {
            logUnavailable(failure, request);
            return problem(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "the read model did not answer in time; retry shortly"), request, retryAfter());
        }
        log.error("{} {} failed", request.method(), request.path(), failure);
        return problem(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request failed unexpectedly; it has been logged"), request, new HttpHeaders());
    }

    private HttpHeaders retryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
        return headers;
    }

    private static Mono<ServerResponse> problem(ProblemDetail problem, ServerRequest request, HttpHeaders headers) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.path()));
        }
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> h.addAll(headers))
                .bodyValue(problem);
    }

    private void logUnavailable(Throwable failure, ServerRequest request) {
        long count = unavailableSinceLog.incrementAndGet();
        long last = lastLogNanos.get();
        long now = System.nanoTime();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogNanos.compareAndSet(last, now)) {
            unavailableSinceLog.addAndGet(-count);
            log.warn("read model unavailable: {} request(s) answered 503 in the last {} s, e.g. {} {}: {}", count,
                    Duration.ofNanos(now - last).toSeconds(), request.method(), request.path(), failure.toString());
        }
    }
}
