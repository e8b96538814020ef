package com.storefront.display.reconciler.failures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.failure.FailureStatus;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.failure.IngestFailure;
import com.storefront.display.reconciler.launch.JobRequestException;

/**
 * What operators do with the records stream-ingest dead-lettered: list them, replay one (re-publish its
 * raw record to its source topic, where ingest takes it again), or discard it. Only a NEW failure can be
 * replayed or discarded.
 */
public final class FailureHandling {

    private static final Logger log = LoggerFactory.getLogger(FailureHandling.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final FailureStore store;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Topics topics;

    public FailureHandling(FailureStore store, KafkaTemplate<String, byte[]> kafka, Topics topics) {
        this.store = store;
        this.kafka = kafka;
        this.topics = topics;
    }

    /**
     * @param topic  a domain topic of this environment, or null for all of them
     * @param status NEW, REPLAYED or DISCARDED, or null for any
     */
    public List<FailureView> list(String topic, String status, int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        FailureStatus wanted = status == null || status.isBlank() ? null : status(status);
        List<String> listed = topic == null || topic.isBlank() ? topics.all() : List.of(topic(topic));
        List<FailureView> found = new ArrayList<>();
        for (String each : listed) {
            store.list(each, wanted, limit - found.size()).forEach(failure -> found.add(FailureView.of(failure)));
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    public FailureView replay(UUID failureId) {
        IngestFailure failure = newFailure(failureId, "replay");
        try {
            kafka.send(failure.topic(), failure.key(), failure.value()).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + failureId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not re-publish failure " + failureId + " to " + failure.topic() + ": " + e, e);
        }
        store.markReplayed(failure);
        log.info("replayed failure {} to {} (was partition {} offset {})", failureId, failure.topic(), failure.partition(),
                failure.offset());
        return FailureView.of(store.find(failureId).orElseThrow());
    }

    public FailureView discard(UUID failureId) {
        IngestFailure failure = newFailure(failureId, "discard");
        store.markDiscarded(failure);
        log.info("discarded failure {} of {}", failureId, failure.topic());
        return FailureView.of(store.find(failureId).orElseThrow());
    }

    private IngestFailure newFailure(UUID failureId, String action) {
        IngestFailure failure = store.find(failureId).orElseThrow(() -> new JobRequestException(
                JobRequestException.Kind.NOT_FOUND, "no failure " + failureId));
        if (failure.status() != FailureStatus.NEW) {
            throw new JobRequestException(JobRequestException.Kind.CONFLICT, "failure " + failureId + " is "
                    + failure.status() + "; only a NEW failure can be " + (action.equals("replay") ? "replayed" : "discarded"));
        }
        return failure;
    }

    private static FailureStatus status(String value) {
        try {
            return FailureStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be one of " + Arrays.toString(FailureStatus.values())
                    + ", got '" + value + "'");
        }
    }

    private String topic(String value) {
        if (topics.domainOf(value) == null) {
            throw new IllegalArgumentException("unknown topic '" + value + "', expected one of " + topics.all());
        }
        return value;
    }
}
