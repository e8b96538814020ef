package com.storefront.display.core.source;

import com.fasterxml.jackson.annotation.JsonValue;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.DomainState;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One entity as a source API returns it: its id, its shop, its version (epoch microseconds, the same
 * as in events) and its state's fields, flat: {@code {"productId": 7, "shopId": 1, "version": ..., "name": ...}}.
 */
public record SourceItem(Domain domain, long id, long shopId, long version, DomainState state) implements SourceChange {

    public SourceItem {
        if (state == null || state.domain() != domain) {
            throw new IllegalArgumentException("a " + domain + " item needs a " + domain.stateType().getSimpleName()
                    + ", got " + state);
        }
        if (domain.keyedByShop() && id != shopId) {
            throw new IllegalArgumentException(domain + " items are keyed by shop: id " + id + " != shopId " + shopId);
        }
    }

    @JsonValue
    public ObjectNode toJson() {
        ObjectNode node = DomainJson.MAPPER.createObjectNode();
        node.put(domain.idField(), id);
        if (!domain.keyedByShop()) {
            node.put("shopId", shopId);
        }
        node.put("version", version);
        node.setAll((ObjectNode) DomainJson.MAPPER.valueToTree(state));
        return node;
    }

    /**
     * Reads an item of a known domain.
     *
     * @throws IllegalArgumentException naming what is missing or invalid
     */
    public static SourceItem fromJson(Domain domain, JsonNode node) {
        long id = requiredLong(node, domain.idField());
        long shopId = domain.keyedByShop() ? id : requiredLong(node, "shopId");
        try {
            DomainState state = DomainJson.MAPPER.treeToValue(node, domain.stateType());
            return new SourceItem(domain, id, shopId, requiredLong(node, "version"), state);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable " + domain.sourcePath() + " item " + id + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("source item lacks an integer '" + field + "': " + node);
        }
        return value.longValue();
    }
}
