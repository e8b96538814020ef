package com.storefront.display.core.projection;

import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/**
 * How one upstream domain lands in the read model: the columns it owns and the writes that put a
 * source state there or take it away. The stream path, the batch path and reconciliation all call the
 * same projection, so they cannot disagree. Every write is stamped with the source version.
 *
 * <p>A new domain is one implementation, listed in
 * {@code META-INF/services/com.storefront.display.core.projection.Projection}.
 */
public interface Projection {

    Domain domain();

    /** The columns this domain owns, in the table its entities land in. */
    List<String> columns();

    /**
     * Where an entity of this domain lands: a shop's static columns (shop-keyed domains, whose entity id
     * is the shop id) or one clustering row.
     */
    RowKey key(long shopId, long entityId);

    /** The write that makes the read model show this source state, as of the item's version. */
    DisplayWrite upsert(SourceItem item);

    /**
     * The write that removes the entity as of {@code version}.
     *
     * @throws UnsupportedOperationException for domains whose entities are never deleted
     */
    DisplayWrite delete(long shopId, long entityId, long version);

    /**
     * The write for an event that carries its state or a deletion.
     *
     * @throws IllegalArgumentException for a thin event: its state has to be fetched from the source first
     */
    default DisplayWrite apply(DomainEvent event) {
        if (event.type().domain() != domain()) {
            throw new IllegalArgumentException(event.type().wireName() + " is not a " + domain() + " event");
        }
        return switch (event.type().kind()) {
            case UPSERT -> upsert(new SourceItem(domain(), event.entityId(), event.shopId(), event.version(), event.payload()));
            case DELETE -> delete(event.shopId(), event.entityId(), event.version());
            case THIN -> throw new IllegalArgumentException(event.type().wireName()
                    + " carries no state; fetch the entity from the source and project the item");
        };
    }
}
