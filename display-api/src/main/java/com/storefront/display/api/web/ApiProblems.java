package com.storefront.display.api.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import com.storefront.display.api.DisplayApiProperties;

import reactor.core.publisher.Mono;

/**
 * Every error as an {@code application/problem+json} response (RFC 9457). Spring's own exceptions and
 * {@link InvalidRequest} / {@link NotDisplayed} keep their status; a read model that cannot answer in
 * time (Cassandra down, slow or overloaded) is a 503 with {@code Retry-After}; anything else is a 500
 * that is logged.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** During an outage every request fails alike: one log line per interval says how many did. */
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final DisplayApiProperties properties;
    private final AtomicLong unavailableSinceLog = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    public ApiProblems(DisplayApiProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class, TimeoutException.class})
    public Mono<ResponseEntity<Object>> readModelUnavailable(Exception failure, ServerWebExchange exchange) {
        logUnavailable(failure, exchange);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the read model did not answer in time; retry shortly");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
        return handleExceptionInternal(failure, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    private void logUnavailable(Exception failure, ServerWebExchange exchange) {
        long count = unavailableSinceLog.incrementAndGet();
        long last = lastLogNanos.get();
        long now = System.nanoTime();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogNanos.compareAndSet(last, now)) {
            unavailableSinceLog.addAndGet(-count);
            log.warn("read model unavailable: {} request(s) answered 503 in the last {} s, e.g. {} {}: {}", count,
                    Duration.ofNanos(now - last).toSeconds(), exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), failure.toString());
        }
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> unexpected(Exception failure, ServerWebExchange exchange) {
        log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request failed unexpectedly; it has been logged");
        return handleExceptionInternal(failure, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }
}
