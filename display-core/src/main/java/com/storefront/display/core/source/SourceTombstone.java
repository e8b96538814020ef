package com.storefront.display.core.source;

import com.fasterxml.jackson.annotation.JsonValue;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * An entity its source deleted, as the incremental export lists it:
 * {@code {"id": 7, "shopId": 1, "deleted": true, "version": ...}}. {@code shopId} (an optional addition to
 * the contract) says which shop partition holds it, so the delete needs no other lookup.
 */
public record SourceTombstone(Domain domain, long id, long shopId, long version) implements SourceChange {

    public SourceTombstone {
        if (domain.keyedByShop() && id != shopId) {
            throw new IllegalArgumentException(domain + " is keyed by shop: id " + id + " != shopId " + shopId);
        }
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = DomainJson.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("shopId", shopId);
        node.put("deleted", true);
        node.put("version", version);
        return node;
    }
}
