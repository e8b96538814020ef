package com.storefront.display.core.projection;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.source.SourceApi;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;

/**
 * The thin-event policy, the same for the stream, the failure re-driver and the topic replay: a thin
 * event says only that its entity changed, so the write is the source's current state of the entity;
 * when the source has it no more, it was deleted after the event, and deleting as of the event is safe
 * (a newer write still wins by its timestamp).
 */
public final class ThinEvents {

    private ThinEvents() {
    }

    /** The write that brings the read model to {@code atSource}, the source's current state of the event's entity. */
    public static DisplayWrite toSourceState(DomainEvent event, Optional<SourceItem> atSource) {
        Projection projection = Projections.of(event.type().domain());
        return atSource.map(projection::upsert)
                .orElseGet(() -> projection.delete(event.shopId(), event.entityId(), event.version()));
    }

    /** Fetches the event's entity from its source, then {@link #toSourceState}. */
    public static CompletableFuture<DisplayWrite> refresh(DomainEvent event, SourceApi source) {
        return source.find(event.type().domain(), event.entityId()).thenApply(item -> toSourceState(event, item));
    }
}
