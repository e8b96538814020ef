package com.storefront.display.ingest.redrive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
 * fetch, write, mark REPLAYED, {@link #CONCURRENCY} failures at a time. Stops a round at the first
 * source failure, so an outage costs at most {@link #CONCURRENCY} calls per round, not one per failure.
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
    /** Failures re-driven at once: each costs two Paxos rounds (claim, release), a fetch and a few writes. */
    static final int CONCURRENCY = 16;

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
        AtomicInteger replayed = new AtomicInteger();
        AtomicInteger takenByOthers = new AtomicInteger();
        AtomicBoolean sourceDown = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY, runnable -> {
            Thread thread = new Thread(runnable, "redrive");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (String topic : topics.all()) {
                List<Future<?>> inFlight = new ArrayList<>();
                for (IngestFailure listed : failures.findReplayable(topic, PER_ROUND)) {
                    inFlight.add(pool.submit(() -> redriveClaimed(listed, replayed, takenByOthers, sourceDown)));
                }
                awaitAll(inFlight);
                if (sourceDown.get()) {
                    log.info("re-drive paused: the source is still unavailable ({} replayed this round)", replayed.get());
                    return replayed.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (replayed.get() > 0 || takenByOthers.get() > 0) {
            log.info("re-drove {} deferred records ({} were another instance's)", replayed.get(), takenByOthers.get());
        }
        return replayed.get();
    }

    /** Claims one listed failure, re-drives it if it is still NEW, releases the claim; nothing once the source is down. */
    private void redriveClaimed(IngestFailure listed, AtomicInteger replayed, AtomicInteger takenByOthers, AtomicBoolean sourceDown) {
        if (sourceDown.get()) {
            return;
        }
        if (!failures.claim(listed.failureId(), owner, lease)) {
            takenByOthers.incrementAndGet();
            return;
        }
        try {
            Optional<IngestFailure> current = failures.find(listed.failureId())
                    .filter(failure -> failure.status() == FailureStatus.NEW);
            if (current.isEmpty()) {
                takenByOthers.incrementAndGet();
            } else if (redrive(current.get())) {
                replayed.incrementAndGet();
            } else {
                sourceDown.set(true);
            }
        } finally {
            failures.release(listed.failureId(), owner);
        }
    }

    /** Waits for every task; a failure store error of any of them is thrown as it was (the round is skipped). */
    private static void awaitAll(List<Future<?>> tasks) {
        RuntimeException first = null;
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("re-drive failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while re-driving", e);
            }
        }
        if (first != null) {
            throw first;
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
