package com.storefront.display.ingest.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.ingest.deadletter.DeadLetters;
import com.storefront.display.ingest.source.SourceClient;
import com.storefront.display.ingest.source.SourceUnavailableException;

/**
 * Applies one poll's records to the read model: poison records aside (dead-letter topic and failure
 * store), coalesce per entity, enrich thin events from the source, project through the domain's
 * projection, write with bounded concurrency. Returns only when every write is acknowledged; any write
 * failure propagates, so the caller does not commit the offsets and the batch is retried (the writes
 * are timestamped, so applying one twice changes nothing).
 */
public final class ProjectingBatch {

    private final DisplayWriter writer;
    private final SourceClient source;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final int writeConcurrency;
    private final int sourceConcurrency;

    public ProjectingBatch(DisplayWriter writer, SourceClient source, DeadLetters deadLetters, IngestMetrics metrics,
                           int writeConcurrency, int sourceConcurrency) {
        this.writer = writer;
        this.source = source;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.writeConcurrency = writeConcurrency;
        this.sourceConcurrency = sourceConcurrency;
    }

    public void apply(List<ConsumerRecord<String, byte[]>> records) {
        EventBatch batch = EventBatch.of(records);
        for (EventBatch.Poison poison : batch.poison()) {
            deadLetters.poison(poison.record(), poison.reason());
            metrics.deadLettered(poison.record().topic());
        }
        List<EventBatch.Received> events = new ArrayList<>(batch.events());
        List<DisplayWrite> writes = new ArrayList<>(events.size());
        List<EventBatch.Received> thin = new ArrayList<>();
        for (EventBatch.Received received : events) {
            if (received.event().type().kind() == EventType.Kind.THIN) {
                thin.add(received);
            } else {
                writes.add(Projections.of(received.event().type().domain()).apply(received.event()));
            }
        }
        writes.addAll(enrich(thin));
        long start = System.nanoTime();
        writer.writeAllAndWait(writes, writeConcurrency);
        metrics.written(records, events, batch.coalesced(), System.nanoTime() - start, Instant.now());
    }

    /** The writes for thin events, from the source's current state; unavailable ones go to the failure store. */
    private List<DisplayWrite> enrich(Collection<EventBatch.Received> thin) {
        Semaphore permits = new Semaphore(sourceConcurrency);
        List<CompletableFuture<Optional<DisplayWrite>>> pending = new ArrayList<>(thin.size());
        for (EventBatch.Received received : thin) {
            permits.acquireUninterruptibly();
            pending.add(enrich(received.event()).whenComplete((write, error) -> permits.release())
                    .exceptionally(error -> {
                        retryLater(received.record(), error);
                        return Optional.empty();
                    }));
        }
        List<DisplayWrite> writes = new ArrayList<>(pending.size());
        pending.forEach(future -> future.join().ifPresent(writes::add));
        return writes;
    }

    /** The write that brings the read model to the source's current state of the event's entity. */
    public CompletableFuture<Optional<DisplayWrite>> enrich(DomainEvent event) {
        Domain domain = event.type().domain();
        Projection projection = Projections.of(domain);
        return source.fetch(domain, event.entityId()).thenApply((Optional<SourceItem> item) -> Optional.of(item
                // gone at the source: it was deleted after this event, so deleting as of the event is safe
                .map(projection::upsert)
                .orElseGet(() -> projection.delete(event.shopId(), event.entityId(), event.version()))));
    }

    private void retryLater(ConsumerRecord<String, byte[]> record, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof SourceUnavailableException)) {
            throw new IllegalStateException("enriching " + record.topic() + "@" + record.offset() + " failed", cause);
        }
        deadLetters.retryLater(record, cause);
        metrics.deferred(record.topic());
    }
}
