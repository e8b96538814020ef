package com.storefront.display.ingest.redrive;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.failure.IngestFailure;
import com.storefront.display.core.projection.ThinEvents;
import com.storefront.display.core.source.SourceApi;
import com.storefront.display.core.write.DisplayWriter;

/**
 * Re-drives retryable failures (thin events whose source call failed) once the source answers again:
 * fetch, write, mark REPLAYED. Stops a round at the first source failure, so an outage costs one call
 * per round, not one per failure.
 */
public final class FailureRedriver {

    private static final Logger log = LoggerFactory.getLogger(FailureRedriver.class);
    private static final int PER_ROUND = 500;

    private final Topics topics;
    private final FailureStore failures;
    private final SourceApi source;
    private final DisplayWriter writer;

    public FailureRedriver(Topics topics, FailureStore failures, SourceApi source, DisplayWriter writer) {
        this.topics = topics;
        this.failures = failures;
        this.source = source;
        this.writer = writer;
    }

    @Scheduled(fixedDelayString = "${display.ingest.redrive-interval:10s}", initialDelayString = "${display.ingest.redrive-interval:10s}")
    public void redrive() {
        try {
            redriveRound();
        } catch (DataAccessException e) {
            // Cassandra is down: the batch path reports the outage; the next round tries again
            log.warn("re-drive skipped this round: the failure store is unavailable ({})", e.getMessage());
        }
    }

    private void redriveRound() {
        int replayed = 0;
        for (String topic : topics.all()) {
            List<IngestFailure> due = failures.findReplayable(topic, PER_ROUND);
            for (IngestFailure failure : due) {
                if (!redrive(failure)) {
                    log.info("re-drive paused: the source is still unavailable ({} replayed this round)", replayed);
                    return;
                }
                replayed++;
            }
        }
        if (replayed > 0) {
            log.info("re-drove {} deferred records", replayed);
        }
    }

    private boolean redrive(IngestFailure failure) {
        DomainEvent event = EventCodec.decode(failure.value());
        try {
            ThinEvents.refresh(event, source).thenCompose(writer::write).join();
            failures.markReplayed(failure);
            return true;
        } catch (CompletionException e) {
            failures.markAttemptFailed(failure, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return false;
        }
    }
}
