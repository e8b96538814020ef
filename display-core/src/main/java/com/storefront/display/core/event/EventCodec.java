package com.storefront.display.core.event;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.DomainState;
import com.storefront.display.core.domain.ProductState;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire format of events (CONTRACTS.md): UTF-8 JSON envelopes. Writes any schema version a type has;
 * reads every known version, upcasting {@code ProductUpserted} v2 ({@code price: {amount, currency}})
 * to the model, and ignores unknown fields. Everything unreadable is a {@link PoisonRecordException}.
 */
public final class EventCodec {

    static final String CURRENCY = "KRW";

    private EventCodec() {
    }

    /** The event in its type's schema v1. */
    public static byte[] encode(DomainEvent event) {
        return encode(event, 1);
    }

    /** The event in the given schema version of its type. */
    public static byte[] encode(DomainEvent event, int schemaVersion) {
        if (schemaVersion != 1 || !event.type().schemaVersions().contains(1)) {
            return DomainJson.MAPPER.writeValueAsBytes(toJson(event, schemaVersion));
        }
        // the hot path of every producer: straight from the records, no tree
        return DomainJson.MAPPER.writeValueAsBytes(new WireV1(event.eventId(), event.type().wireName(), 1,
                event.occurredAt(), event.shopId(), event.entityId(), event.version(), event.payload()));
    }

    /** The v1 envelope as written, fields in contract order. */
    private record WireV1(UUID eventId, String type, int schemaVersion, Instant occurredAt, long shopId, long entityId,
                          long version, DomainState payload) {
    }

    /** The envelope as a JSON tree, e.g. for a test or a fault that bends it before sending. */
    public static ObjectNode toJson(DomainEvent event, int schemaVersion) {
        EventType type = event.type();
        if (!type.schemaVersions().contains(schemaVersion)) {
            throw new IllegalArgumentException(type.wireName() + " has no schema version " + schemaVersion);
        }
        ObjectNode node = DomainJson.MAPPER.createObjectNode();
        node.put("eventId", event.eventId().toString());
        node.put("type", type.wireName());
        node.put("schemaVersion", schemaVersion);
        node.put("occurredAt", event.occurredAt().toString());
        node.put("shopId", event.shopId());
        node.put("entityId", event.entityId());
        node.put("version", event.version());
        if (event.payload() == null) {
            node.putNull("payload");
        } else {
            node.set("payload", payloadJson(event.payload(), schemaVersion));
        }
        return node;
    }

    private static JsonNode payloadJson(DomainState payload, int schemaVersion) {
        ObjectNode node = DomainJson.MAPPER.valueToTree(payload);
        if (payload instanceof ProductState && schemaVersion == 2) {
            ObjectNode price = node.objectNode().put("amount", node.get("basePrice").longValue()).put("currency", CURRENCY);
            node.remove("basePrice");
            node.set("price", price);
        }
        return node;
    }

    /**
     * Reads one record value.
     *
     * @throws PoisonRecordException with the reason when the value is not a readable event
     */
    public static DomainEvent decode(byte[] value) {
        if (value == null) {
            throw new PoisonRecordException("record has no value");
        }
        JsonNode root;
        try {
            root = DomainJson.MAPPER.readTree(value);
        } catch (JacksonException e) {
            throw new PoisonRecordException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PoisonRecordException("not a JSON object");
        }
        return decode(root);
    }

    private static DomainEvent decode(JsonNode root) {
        String typeName = text(root, "type");
        EventType type = EventType.ofWireName(typeName);
        if (type == null) {
            throw new PoisonRecordException("unknown event type '" + typeName + "'");
        }
        int schemaVersion = (int) integer(root, "schemaVersion");
        if (!type.schemaVersions().contains(schemaVersion)) {
            throw new PoisonRecordException("unsupported schemaVersion " + schemaVersion + " of " + typeName
                    + ", supported " + type.schemaVersions());
        }
        try {
            return new DomainEvent(uuid(root), type, schemaVersion, instant(root, "occurredAt"), integer(root, "shopId"),
                    integer(root, "entityId"), integer(root, "version"), payload(root, type, schemaVersion));
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("invalid " + typeName + ": " + e.getMessage(), e);
        }
    }

    private static DomainState payload(JsonNode root, EventType type, int schemaVersion) {
        if (type.kind() != EventType.Kind.UPSERT) {
            return null;
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new PoisonRecordException(type.wireName() + " lacks its payload object");
        }
        if (type == EventType.PRODUCT_UPSERTED && schemaVersion == 2) {
            payload = upcastProductV2((ObjectNode) payload);
        }
        try {
            return DomainJson.MAPPER.treeToValue(payload, type.domain().stateType());
        } catch (JacksonException e) {
            throw new PoisonRecordException("invalid " + type.wireName() + " payload: " + e.getOriginalMessage(), e);
        }
    }

    /** v2 moved the base price into {@code price: {amount, currency}}; amounts are whole KRW. */
    private static JsonNode upcastProductV2(ObjectNode payload) {
        JsonNode price = payload.get("price");
        if (price == null || !price.isObject()) {
            throw new PoisonRecordException("ProductUpserted v2 lacks its price object");
        }
        String currency = text(price, "currency");
        if (!CURRENCY.equals(currency)) {
            throw new PoisonRecordException("ProductUpserted v2 price in " + currency + ", only " + CURRENCY + " is supported");
        }
        ObjectNode v1 = payload.deepCopy();
        v1.remove("price");
        v1.set("basePrice", price.get("amount"));
        return v1;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new PoisonRecordException("lacks the string field '" + field + "'");
        }
        return value.stringValue();
    }

    private static long integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new PoisonRecordException("lacks the integer field '" + field + "'");
        }
        return value.longValue();
    }

    private static UUID uuid(JsonNode node) {
        String text = text(node, "eventId");
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("eventId is not a UUID: '" + text + "'");
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException(field + " is not an ISO-8601 instant: '" + text + "'");
        }
    }
}
