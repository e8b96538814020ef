package com.storefront.display.ingest.batch;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.core.domain.Domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What ingest measures (Micrometer, on {@code /actuator/prometheus}): events per topic, coalesced
 * events, dead-lettered and deferred records per topic, write latency per batch, freshness (write
 * acknowledged minus the event's {@code occurredAt}; per domain from the record's Kafka timestamp, ingest's
 * own share) and delivery (poll received minus its oldest
 * record's Kafka timestamp). Consumer lag comes from the Kafka client metrics.
 */
public final class IngestMetrics {

    private static final Logger log = LoggerFactory.getLogger(IngestMetrics.class);
    private static final long MAX_AGE_SECONDS = 9_000_000_000L;

    private final MeterRegistry registry;
    private final Counter coalesced;
    private final Counter failedAttempts;
    /** When writes of the current failure streak began failing, nanoTime; 0 while writes succeed. */
    private final AtomicLong failingSince = new AtomicLong();
    private final Timer writeLatency;
    private final Timer freshness;
    private final Map<Domain, Timer> domainFreshness = new EnumMap<>(Domain.class);
    private final Timer delivery;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.coalesced = Counter.builder("display.ingest.coalesced").description("events made redundant by a newer one in the same poll")
                .register(registry);
        this.writeLatency = Timer.builder("display.ingest.write.latency").description("writing one poll's events")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.failedAttempts = Counter.builder("display.ingest.batch.failed.attempts")
                .description("attempts to write a poll's events that failed and will be retried").register(registry);
        this.freshness = Timer.builder("display.ingest.freshness").description("write acknowledged minus occurredAt")
                .publishPercentiles(0.5, 0.99).register(registry);
        for (Domain domain : Domain.evented()) {
            domainFreshness.put(domain, Timer.builder("display.ingest.domain.freshness")
                    .description("write acknowledged minus the record's Kafka timestamp, per domain: ingest's share of "
                            + "freshness (in Kafka, waiting for a poll, writing), so a domain held up shows here alone")
                    .tag("domain", domain.sourcePath()).publishPercentiles(0.5, 0.99).register(registry));
        }
        this.delivery = Timer.builder("display.ingest.delivery")
                .description("a poll received minus the Kafka timestamp of its oldest record")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /**
     * A poll arrived: how long after the Kafka timestamp (the producer's send, or the broker's append) of
     * its oldest record. With the write latency it splits freshness into time upstream, in Kafka or
     * waiting for a consumer, and time writing. One sample per poll, not per record: a timer sample costs
     * about as much as decoding a field. Records without a timestamp are left out; a poll that is
     * retried is measured again, later.
     */
    void received(List<ConsumerRecord<String, byte[]>> records) {
        long oldest = Long.MAX_VALUE;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.timestamp() >= 0 && record.timestamp() < oldest) {
                oldest = record.timestamp();
            }
        }
        if (oldest != Long.MAX_VALUE) {
            delivery.record(Math.max(0, System.currentTimeMillis() - oldest), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One attempt to apply a poll failed (Cassandra unavailable, say); the error handler pauses the
     * consumer and retries the same records. Logged with the cause, the stack trace only on the first
     * attempt of a streak.
     */
    public void attemptFailed(int records, int attempt, Exception error) {
        failedAttempts.increment();
        boolean first = failingSince.compareAndSet(0, System.nanoTime());
        String cause = rootCause(error);
        if (first) {
            log.warn("writing a poll of {} records failed ({}); the consumer is paused and the poll retried until it succeeds",
                    records, cause, error);
        } else {
            log.warn("writing a poll of {} records failed again, attempt {} ({})", records, attempt, cause);
        }
    }

    void written(List<ConsumerRecord<String, byte[]>> records, Collection<EventBatch.Received> applied, int coalescedCount,
                 long writeNanos, Instant acknowledged) {
        Map<String, Long> perTopic = new HashMap<>();
        records.forEach(record -> perTopic.merge(record.topic(), 1L, Long::sum));
        perTopic.forEach((topic, count) -> registry.counter("display.ingest.events", "topic", topic).increment(count));
        long since = failingSince.getAndSet(0);
        if (since != 0) {
            log.info("writes succeed again after {} s of failures; the consumer resumes",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since));
        }
        coalesced.increment(coalescedCount);
        writeLatency.record(writeNanos, TimeUnit.NANOSECONDS);
        for (EventBatch.Received received : applied) {
            freshness.record(ageNanos(received.event().occurredAt(), acknowledged), TimeUnit.NANOSECONDS);
            long appended = received.record().timestamp();
            if (appended >= 0) {
                domainFreshness.get(received.event().type().domain())
                        .record(ageNanos(Instant.ofEpochMilli(appended), acknowledged), TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * {@code to} minus {@code from} in nanoseconds, 0 when {@code from} is later (a producer's clock
     * ahead), capped at about 290 years; without a {@code Duration} per event.
     */
    static long ageNanos(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        if (seconds < 0) {
            return 0;
        }
        if (seconds >= MAX_AGE_SECONDS) {
            return MAX_AGE_SECONDS * 1_000_000_000L;
        }
        return Math.max(0, seconds * 1_000_000_000L + to.getNano() - from.getNano());
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    void deadLettered(String topic) {
        registry.counter("display.ingest.dead.lettered", "topic", topic).increment();
    }

    void deferred(String topic) {
        registry.counter("display.ingest.deferred", "topic", topic).increment();
    }
}
