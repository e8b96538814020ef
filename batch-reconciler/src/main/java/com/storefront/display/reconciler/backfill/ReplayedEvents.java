package com.storefront.display.reconciler.backfill;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.event.PoisonRecordException;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.projection.ThinEvents;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.source.BlockingSourceApi;

/**
 * A replayed record as the write the stream path would have made: through the event's projection, a
 * thin event through the source's current state (deleted as of the event when the source has it no
 * more). Poison records are filtered out: stream-ingest already dead-lettered them.
 */
public class ReplayedEvents implements ItemProcessor<ConsumerRecord<String, byte[]>, DisplayWrite> {

    private static final Logger log = LoggerFactory.getLogger(ReplayedEvents.class);

    private final BlockingSourceApi source;

    public ReplayedEvents(BlockingSourceApi source) {
        this.source = source;
    }

    @Override
    public DisplayWrite process(ConsumerRecord<String, byte[]> record) {
        DomainEvent event;
        try {
            event = EventCodec.decode(record.value());
        } catch (PoisonRecordException e) {
            log.debug("skipping poison record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return null;
        }
        if (event.type().kind() != EventType.Kind.THIN) {
            return Projections.of(event.type().domain()).apply(event);
        }
        return ThinEvents.toSourceState(event, source.find(event.type().domain(), event.entityId()));
    }
}
