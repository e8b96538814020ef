package com.storefront.display.core.event;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.DomainState;
import com.storefront.display.core.domain.ProductState;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire format of events (docs/contracts.md): UTF-8 JSON envelopes. Writes any schema version a type has;
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
     * Reads one record value in one pass over its bytes: the envelope token by token, the payload
     * straight into its state record (through a reader resolved once per state type). Only a payload
     * that must be reshaped ({@code ProductUpserted} v2) or that arrives before the envelope fields
     * saying what it is goes through a tree. {@code bench/ingest} showed the earlier tree-then-convert
     * decoding at about a fifth of ingest's own CPU.
     *
     * @throws PoisonRecordException with the reason when the value is not a readable event
     */
    public static DomainEvent decode(byte[] value) {
        if (value == null) {
            throw new PoisonRecordException("record has no value");
        }
        try (JsonParser parser = DomainJson.MAPPER.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                skipToEnd(parser);
                throw new PoisonRecordException("not a JSON object");
            }
            Envelope envelope = new Envelope();
            for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                parser.nextToken();
                envelope.read(field, parser);
            }
            skipToEnd(parser);
            return envelope.event();
        } catch (StreamReadException e) {
            throw new PoisonRecordException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads what follows the root value, so that trailing garbage is invalid JSON as in a whole-document read. */
    private static void skipToEnd(JsonParser parser) {
        parser.skipChildren();
        if (parser.nextToken() != null) {
            throw new PoisonRecordException("not valid JSON: trailing content after the root value");
        }
    }

    /** The envelope's fields as they stream by; checked, in the order of docs/contracts.md, once the object ends. */
    private static final class Envelope {

        /** A field present with a value of the wrong JSON type. */
        private static final Object WRONG_TYPE = new Object();

        private final Map<String, Object> scalars = new HashMap<>(12);
        private DomainState payload;
        private JsonNode payloadTree;

        void read(String field, JsonParser parser) {
            switch (field) {
                case "eventId", "type", "occurredAt" -> scalars.put(field,
                        parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString() : skipped(parser));
                case "schemaVersion", "shopId", "entityId", "version" -> scalars.put(field, parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? (Object) parser.getLongValue() : skipped(parser));
                case "payload" -> readPayload(parser);
                default -> parser.skipChildren();
            }
        }

        /** Straight into the state record when the type and version are known and no reshaping is needed. */
        private void readPayload(JsonParser parser) {
            payload = null;
            payloadTree = null;
            EventType type = knownType();
            Object schemaVersion = scalars.get("schemaVersion");
            if (type != null && type.kind() != EventType.Kind.UPSERT) {
                parser.skipChildren();
            } else if (type != null && parser.currentToken() == JsonToken.START_OBJECT && schemaVersion instanceof Long version
                    && type.schemaVersions().contains(version.intValue()) && !(type == EventType.PRODUCT_UPSERTED && version == 2)) {
                payload = readState(type, () -> READERS.get(type.domain()).readValue(parser));
            } else {
                payloadTree = parser.readValueAsTree();
            }
        }

        private EventType knownType() {
            return scalars.get("type") instanceof String name ? EventType.ofWireName(name) : null;
        }

        private static Object skipped(JsonParser parser) {
            parser.skipChildren();
            return WRONG_TYPE;
        }

        DomainEvent event() {
            String typeName = text("type");
            EventType type = EventType.ofWireName(typeName);
            if (type == null) {
                throw new PoisonRecordException("unknown event type '" + typeName + "'");
            }
            int schemaVersion = (int) integer("schemaVersion");
            if (!type.schemaVersions().contains(schemaVersion)) {
                throw new PoisonRecordException("unsupported schemaVersion " + schemaVersion + " of " + typeName
                        + ", supported " + type.schemaVersions());
            }
            try {
                return new DomainEvent(uuid(text("eventId")), type, schemaVersion, instant("occurredAt", text("occurredAt")),
                        integer("shopId"), integer("entityId"), integer("version"), payload(type, schemaVersion));
            } catch (IllegalArgumentException e) {
                throw new PoisonRecordException("invalid " + typeName + ": " + e.getMessage(), e);
            }
        }

        private DomainState payload(EventType type, int schemaVersion) {
            if (type.kind() != EventType.Kind.UPSERT) {
                return null;
            }
            if (payload != null) {
                return payload;
            }
            if (payloadTree == null || !payloadTree.isObject()) {
                throw new PoisonRecordException(type.wireName() + " lacks its payload object");
            }
            JsonNode state = type == EventType.PRODUCT_UPSERTED && schemaVersion == 2
                    ? upcastProductV2((ObjectNode) payloadTree) : payloadTree;
            return readState(type, () -> READERS.get(type.domain()).readValue(state));
        }

        private String text(String field) {
            if (!(scalars.get(field) instanceof String value)) {
                throw new PoisonRecordException("lacks the string field '" + field + "'");
            }
            return value;
        }

        private long integer(String field) {
            if (!(scalars.get(field) instanceof Long value)) {
                throw new PoisonRecordException("lacks the integer field '" + field + "'");
            }
            return value;
        }
    }

    /**
     * One reader per domain's state type, resolved once: resolving the type on every read was a visible
     * cost. It reads a value inside the envelope, so what follows the value (the rest of the envelope)
     * is not trailing content to it; {@link #decode} checks the end of the whole record itself.
     */
    private static final Map<Domain, ObjectReader> READERS = readers();

    private static Map<Domain, ObjectReader> readers() {
        Map<Domain, ObjectReader> readers = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            readers.put(domain, DomainJson.MAPPER.readerFor(domain.stateType())
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        }
        return readers;
    }

    private static DomainState readState(EventType type, Supplier<DomainState> read) {
        try {
            return read.get();
        } catch (StreamReadException e) {
            throw e;
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
        // the tree is this read's own: reshaped in place
        payload.remove("price");
        payload.set("basePrice", price.get("amount"));
        return payload;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new PoisonRecordException("lacks the string field '" + field + "'");
        }
        return value.stringValue();
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("eventId is not a UUID: '" + text + "'");
        }
    }

    private static Instant instant(String field, String text) {
        Instant instant = IsoInstants.parse(text);
        if (instant == null) {
            throw new PoisonRecordException(field + " is not an ISO-8601 instant: '" + text + "'");
        }
        return instant;
    }
}
