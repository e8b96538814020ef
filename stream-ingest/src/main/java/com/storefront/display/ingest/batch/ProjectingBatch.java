package com.storefront.display.ingest.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.projection.ThinEvents;
import com.storefront.display.core.source.SourceApi;
import com.storefront.display.core.source.SourceUnavailableException;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.ingest.deadletter.DeadLetters;

/**
 * Applies one poll's records to the read model: coalesce per entity, enrich thin events from the
 * source, project through the domain's projection, write with bounded concurrency, then set poison
 * records aside (failure store, then dead-letter topic). Returns only when every write is acknowledged;
 * any failure propagates, so the caller does not commit the offsets and the batch is retried. A retry
 * changes nothing twice: the writes are timestamped, a failure's row id is a function of its record,
 * and poison reaches its dead-letter topic only after the batch's writes and failure rows succeeded.
 */
public final class ProjectingBatch {

    private final Topics topics;
    private final DisplayWriter writer;
    private final SourceApi source;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final int writeConcurrency;
    private final int sourceConcurrency;

    public ProjectingBatch(Topics topics, DisplayWriter writer, SourceApi source, DeadLetters deadLetters,
                           IngestMetrics metrics, int writeConcurrency, int sourceConcurrency) {
        this.topics = topics;
        this.writer = writer;
        this.source = source;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.writeConcurrency = writeConcurrency;
        this.sourceConcurrency = sourceConcurrency;
    }

    public void apply(List<ConsumerRecord<String, byte[]>> records) {
        metrics.received(records);
        EventBatch batch = EventBatch.of(records, topics);
        List<EventBatch.Received> events = batch.events();
        List<DisplayWrite> writes = new ArrayList<>(events.size());
        List<EventBatch.Received> thin = new ArrayList<>();
        for (EventBatch.Received received : events) {
            if (received.event().type().kind() == EventType.Kind.THIN) {
                thin.add(received);
            } else {
                writes.add(Projections.of(received.event().type().domain()).apply(received.event()));
            }
        }
        List<ConsumerRecord<String, byte[]>> deferred = new ArrayList<>();
        writes.addAll(enrich(thin, deferred));
        long start = System.nanoTime();
        writer.writeAllAndWait(writes, writeConcurrency);
        Instant acknowledged = Instant.now();
        long writeNanos = System.nanoTime() - start;
        setAside(batch.poison());
        metrics.written(records, events, batch.coalesced(), writeNanos, acknowledged);
        deferred.forEach(record -> metrics.deferred(record.topic()));
    }

    private void setAside(List<EventBatch.Poison> poison) {
        for (EventBatch.Poison record : poison) {
            deadLetters.store(record.record(), record.reason());
        }
        poison.forEach(record -> deadLetters.publish(record.record(), record.reason()));
        // counted once the whole batch is set aside: a retried batch is not counted twice
        poison.forEach(record -> metrics.deadLettered(record.record().topic()));
    }

    /**
     * The writes for thin events, from the source's current state. Records whose source is unavailable
     * go to the failure store, retryable, and are added to {@code deferred}.
     */
    private List<DisplayWrite> enrich(List<EventBatch.Received> thin, List<ConsumerRecord<String, byte[]>> deferred) {
        Semaphore permits = new Semaphore(sourceConcurrency);
        List<CompletableFuture<DisplayWrite>> pending = new ArrayList<>(thin.size());
        for (EventBatch.Received received : thin) {
            permits.acquireUninterruptibly();
            pending.add(ThinEvents.refresh(received.event(), source).whenComplete((write, error) -> permits.release()));
        }
        List<DisplayWrite> writes = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            try {
                writes.add(pending.get(i).join());
            } catch (CompletionException e) {
                ConsumerRecord<String, byte[]> record = thin.get(i).record();
                retryLater(record, e);
                deferred.add(record);
            }
        }
        return writes;
    }

    private void retryLater(ConsumerRecord<String, byte[]> record, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof SourceUnavailableException)) {
            throw new IllegalStateException("enriching " + record.topic() + "@" + record.offset() + " failed", cause);
        }
        deadLetters.retryLater(record, cause);
    }
}
