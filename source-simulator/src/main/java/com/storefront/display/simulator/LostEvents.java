package com.storefront.display.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventType;

/**
 * The entities whose latest event never reached Kafka in a readable form (dropped, malformed, or of an
 * unknown type): after the stream drained, exactly these can differ between the read model and the
 * source. A later event of the entity that does go out takes it off the list. A product deletion takes
 * the product's stock and price with it: a lost one leaves all three behind, a delivered one clears all
 * three. Memory grows with the number of such entities only.
 */
public final class LostEvents {

    /** An entity of a domain, in its shop. */
    public record Entity(Domain domain, long shopId, long entityId) {
    }

    private final Set<Entity> lost = ConcurrentHashMap.newKeySet();

    public void lost(DomainEvent event) {
        lost.addAll(affected(event));
    }

    public void delivered(DomainEvent event) {
        lost.removeAll(affected(event));
    }

    /** Starts the list over: what was lost so far has been repaired (a test scenario's reconcile did it). */
    public void forget() {
        lost.clear();
    }

    /** A copy of the entities whose latest event was lost. */
    public Set<Entity> entities() {
        return Set.copyOf(lost);
    }

    /** How many entities' latest event was lost, per domain. */
    public Map<Domain, Long> countByDomain() {
        Map<Domain, Long> counts = new java.util.EnumMap<>(Domain.class);
        lost.forEach(entity -> counts.merge(entity.domain(), 1L, Long::sum));
        return counts;
    }

    private static List<Entity> affected(DomainEvent event) {
        Entity entity = new Entity(event.type().domain(), event.shopId(), event.entityId());
        if (event.type().domain() == Domain.PRODUCT && event.type().kind() == EventType.Kind.DELETE) {
            return List.of(entity, new Entity(Domain.STOCK, event.shopId(), event.entityId()),
                    new Entity(Domain.PRICE, event.shopId(), event.entityId()));
        }
        return List.of(entity);
    }
}
