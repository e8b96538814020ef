package com.storefront.display.ingest.redrive;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.failure.FailureStatus;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.failure.IngestFailure;
import com.storefront.display.core.projection.ThinEvents;
import com.storefront.display.core.source.SourceApi;
import com.storefront.display.core.write.DisplayWriter;

/**
 * Re-drives retryable failures (thin events whose source call failed) once the source answers again:
 * fetch, write, mark REPLAYED. Stops a round at the first source failure, so an outage costs one call
 * per round, not one per failure.
 * <p>
 * Every instance runs a re-driver over every topic's failures, and each failure is re-driven once:
 * an instance first claims it ({@link FailureStore#claim}, a lightweight transaction with a lease), then
 * reads it again and re-drives it only if it is still NEW (another instance may have finished it between
 * the listing and the claim). A claim rather than ownership through the consumer group: a failure
 * outlives the assignment of its partition (rebalances, a topic replayed elsewhere), and the claim costs
 * one Paxos round per deferred record, which is rare by nature; an instance that dies mid-way holds the
 * failure only until its lease expires.
 */
public final class FailureRedriver {

    private static final Logger log = LoggerFactory.getLogger(FailureRedriver.class);
    private static final int PER_ROUND = 500;

    private final Topics topics;
    private final FailureStore failures;
    private final SourceApi source;
    private final DisplayWriter writer;
    private final String owner;
    private final Duration lease;

    /**
     * @param owner this instance's name in its claims, unique across instances
     * @param lease how long a claim holds should this instance die while re-driving
     */
    public FailureRedriver(Topics topics, FailureStore failures, SourceApi source, DisplayWriter writer, String owner,
                           Duration lease) {
        this.topics = topics;
        this.failures = failures;
        this.source = source;
        this.writer = writer;
        this.owner = owner;
        this.lease = lease;
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

    /**
     * One round over every topic's deferred failures.
     *
     * @return how many this instance re-drove
     */
    public int redriveRound() {
        int replayed = 0;
        int takenByOthers = 0;
        for (String topic : topics.all()) {
            List<IngestFailure> due = failures.findReplayable(topic, PER_ROUND);
            for (IngestFailure listed : due) {
                if (!failures.claim(listed.failureId(), owner, lease)) {
                    takenByOthers++;
                    continue;
                }
                try {
                    Optional<IngestFailure> current = failures.find(listed.failureId())
                            .filter(failure -> failure.status() == FailureStatus.NEW);
                    if (current.isEmpty()) {
                        takenByOthers++;
                        continue;
                    }
                    if (!redrive(current.get())) {
                        log.info("re-drive paused: the source is still unavailable ({} replayed this round)", replayed);
                        return replayed;
                    }
                    replayed++;
                } finally {
                    failures.release(listed.failureId(), owner);
                }
            }
        }
        if (replayed > 0 || takenByOthers > 0) {
            log.info("re-drove {} deferred records ({} were another instance's)", replayed, takenByOthers);
        }
        return replayed;
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
