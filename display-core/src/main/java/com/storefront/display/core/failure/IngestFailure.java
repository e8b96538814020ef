package com.storefront.display.core.failure;

import java.time.Instant;
import java.util.UUID;

/**
 * A record stream-ingest could not apply, kept with its raw bytes so it can be replayed.
 *
 * @param retryable true when a later attempt may succeed (e.g. the source API was unavailable); such
 *                  failures are re-driven automatically, the others wait for an operator
 */
public record IngestFailure(UUID failureId, String topic, int partition, long offset, String key, byte[] value,
                            String reason, String errorType, boolean retryable, FailureStatus status, int attempts,
                            Instant recordedAt, Instant updatedAt) {
}
