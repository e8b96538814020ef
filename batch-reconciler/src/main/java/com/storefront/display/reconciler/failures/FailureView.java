package com.storefront.display.reconciler.failures;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.storefront.display.core.failure.IngestFailure;

/** An ingest failure as operators see it; the raw value as text (it is usually JSON, perhaps broken). */
public record FailureView(UUID failureId, String topic, int partition, long offset, String key, String value,
                          String reason, String errorType, boolean retryable, String status, int attempts,
                          Instant recordedAt, Instant updatedAt) {

    static FailureView of(IngestFailure failure) {
        return new FailureView(failure.failureId(), failure.topic(), failure.partition(), failure.offset(), failure.key(),
                failure.value() == null ? null : new String(failure.value(), StandardCharsets.UTF_8), failure.reason(),
                failure.errorType(), failure.retryable(), failure.status().name(), failure.attempts(),
                failure.recordedAt(), failure.updatedAt());
    }
}
