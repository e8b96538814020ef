package com.storefront.display.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.DomainState;
import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ProductState.DisplayStatus;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.StockState;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {

    static final Instant AT = Instant.parse("2026-11-24T10:15:30.123456Z");

    /** The example of docs/contracts.md, verbatim. */
    static final String CONTRACT_EXAMPLE = """
            {
              "eventId": "5b0c2e0e-8a0f-4a53-9a57-3f1c2b8b7d11",
              "type": "ProductUpserted",
              "schemaVersion": 1,
              "occurredAt": "2026-11-24T10:15:30.123456Z",
              "shopId": 42,
              "entityId": 4200017,
              "version": 1795515330123456,
              "payload": { "name": "Oat milk 1L", "category": "dairy", "imageUrl": "https://img.example/4200017.jpg",
                           "basePrice": 3200, "displayStatus": "ON_SALE" }
            }""";

    static final ProductState OAT_MILK = new ProductState("Oat milk 1L", "dairy", "https://img.example/4200017.jpg",
            3200, DisplayStatus.ON_SALE);

    static DomainState sampleState(EventType type) {
        return switch (type) {
            case SHOP_UPSERTED -> new ShopState(7, "Green Grocer", "grocery", ShopState.ShopStatus.OPEN, 3000, 12000);
            case PRODUCT_UPSERTED -> OAT_MILK;
            case STOCK_CHANGED -> new StockState(31);
            case PRICE_CHANGED -> new PriceState(2880, 10);
            case COUPON_UPSERTED -> new CouponState("Welcome", 2000, 15000, Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-12-31T14:59:59Z"), CouponState.CouponStatus.ACTIVE);
            case REVIEW_SUMMARY_CHANGED -> new ReviewSummaryState(4.6, 123);
            case SHOP_DELETED, PRODUCT_CHANGED, PRODUCT_DELETED, COUPON_DELETED -> null;
        };
    }

    static DomainEvent sampleEvent(EventType type) {
        long entityId = type.domain().keyedByShop() ? 42 : 4200017;
        return new DomainEvent(UUID.randomUUID(), type, 1, AT, 42, entityId, 1795515330123456L, sampleState(type));
    }

    @Test
    void theContractExampleReadsAsTheModel() {
        DomainEvent event = EventCodec.decode(CONTRACT_EXAMPLE.getBytes(StandardCharsets.UTF_8));

        assertThat(event).isEqualTo(new DomainEvent(UUID.fromString("5b0c2e0e-8a0f-4a53-9a57-3f1c2b8b7d11"),
                EventType.PRODUCT_UPSERTED, 1, AT, 42, 4200017, 1795515330123456L, OAT_MILK));
        assertThat(event.key()).isEqualTo("42");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeSurvivesARoundTrip(EventType type) {
        DomainEvent event = sampleEvent(type);

        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
    }

    @Test
    void theEnvelopeHasTheContractFieldNames() {
        JsonNode json = DomainJson.MAPPER.readTree(EventCodec.encode(sampleEvent(EventType.STOCK_CHANGED)));

        assertThat(json.propertyNames()).containsExactly("eventId", "type", "schemaVersion", "occurredAt", "shopId",
                "entityId", "version", "payload");
        assertThat(json.get("type").stringValue()).isEqualTo("StockChanged");
        assertThat(json.get("occurredAt").stringValue()).isEqualTo("2026-11-24T10:15:30.123456Z");
        assertThat(json.get("payload").propertyNames()).containsExactly("quantity");
    }

    @Test
    void zeroPayloadEventsCarryANullPayload() {
        JsonNode json = DomainJson.MAPPER.readTree(EventCodec.encode(sampleEvent(EventType.PRODUCT_CHANGED)));

        assertThat(json.get("payload").isNull()).isTrue();
    }

    @Test
    void productUpsertedV2MovesThePriceAndIsUpcastBack() {
        DomainEvent event = sampleEvent(EventType.PRODUCT_UPSERTED);
        byte[] v2 = EventCodec.encode(event, 2);

        JsonNode payload = DomainJson.MAPPER.readTree(v2).get("payload");
        assertThat(payload.has("basePrice")).isFalse();
        assertThat(payload.get("price").get("amount").longValue()).isEqualTo(3200);
        assertThat(payload.get("price").get("currency").stringValue()).isEqualTo("KRW");

        DomainEvent read = EventCodec.decode(v2);
        assertThat(read.schemaVersion()).isEqualTo(2);
        assertThat(read.payload()).isEqualTo(OAT_MILK);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String withExtras = CONTRACT_EXAMPLE.replace("\"shopId\": 42,", "\"shopId\": 42, \"traceId\": \"abc\",")
                .replace("\"basePrice\": 3200,", "\"basePrice\": 3200, \"badge\": {\"color\": \"red\"},");

        assertThat(EventCodec.decode(withExtras.getBytes(StandardCharsets.UTF_8)).payload()).isEqualTo(OAT_MILK);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void thePayloadMayComeBeforeTheFieldsThatSayWhatItIs(int schemaVersion) {
        DomainEvent event = sampleEvent(EventType.PRODUCT_UPSERTED);
        JsonNode json = DomainJson.MAPPER.readTree(EventCodec.encode(event, schemaVersion));
        ObjectNode payloadFirst = DomainJson.MAPPER.createObjectNode();
        payloadFirst.set("payload", json.get("payload"));
        json.properties().forEach(field -> payloadFirst.putIfAbsent(field.getKey(), field.getValue()));

        DomainEvent read = EventCodec.decode(DomainJson.MAPPER.writeValueAsBytes(payloadFirst));

        assertThat(read.payload()).isEqualTo(OAT_MILK);
        assertThat(read.schemaVersion()).isEqualTo(schemaVersion);
        assertThat(read.eventId()).isEqualTo(event.eventId());
    }

    @Test
    void aPayloadOnATypeWithoutOneIsIgnored() {
        String deleted = CONTRACT_EXAMPLE.replace("ProductUpserted", "ProductDeleted");

        assertThat(EventCodec.decode(deleted.getBytes(StandardCharsets.UTF_8)).payload()).isNull();
    }

    @Test
    void anEnvelopeFieldOfTheWrongJsonTypeIsPoisonNamingTheField() {
        assertPoison(CONTRACT_EXAMPLE.replace("\"shopId\": 42", "\"shopId\": \"42\""), "lacks the integer field 'shopId'");
        assertPoison(CONTRACT_EXAMPLE.replace("\"shopId\": 42", "\"shopId\": 4.2"), "lacks the integer field 'shopId'");
        assertPoison(CONTRACT_EXAMPLE.replace("\"shopId\": 42", "\"shopId\": 92233720368547758070"),
                "lacks the integer field 'shopId'");
        assertPoison(CONTRACT_EXAMPLE.replace("\"version\": 1795515330123456", "\"version\": {\"at\": 1}"),
                "lacks the integer field 'version'");
        assertPoison(CONTRACT_EXAMPLE.replace("\"type\": \"ProductUpserted\"", "\"type\": [\"ProductUpserted\"]"),
                "lacks the string field 'type'");
    }

    @Test
    void contentAfterTheObjectIsInvalidJson() {
        assertPoison(CONTRACT_EXAMPLE + " {}", "not valid JSON");
    }

    @Test
    void aPayloadCutShortIsInvalidJson() {
        assertPoison(CONTRACT_EXAMPLE.substring(0, CONTRACT_EXAMPLE.indexOf("\"category\"")), "not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"eventId\": ", "[1, 2]", "null", "\"just a string\""})
    void aRecordThatIsNotAJsonObjectIsPoison(String value) {
        assertThatThrownBy(() -> EventCodec.decode(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageMatching("not (valid JSON|a JSON object).*");
    }

    @Test
    void anUnknownTypeIsPoisonNamingTheType() {
        assertPoison(CONTRACT_EXAMPLE.replace("ProductUpserted", "ProductRecalled"), "unknown event type 'ProductRecalled'");
    }

    @Test
    void anUnknownSchemaVersionIsPoison() {
        assertPoison(CONTRACT_EXAMPLE.replace("\"schemaVersion\": 1", "\"schemaVersion\": 3"),
                "unsupported schemaVersion 3 of ProductUpserted, supported [");
    }

    @Test
    void aMissingEnvelopeFieldIsPoisonNamingTheField() {
        assertPoison(CONTRACT_EXAMPLE.replace("\"version\": 1795515330123456,", ""), "lacks the integer field 'version'");
        assertPoison(CONTRACT_EXAMPLE.replace("\"occurredAt\": \"2026-11-24T10:15:30.123456Z\",", ""),
                "lacks the string field 'occurredAt'");
    }

    @Test
    void aMissingPayloadFieldIsPoisonNamingTheField() {
        assertPoison(CONTRACT_EXAMPLE.replace("\"basePrice\": 3200,", ""), "invalid ProductUpserted payload");
        assertPoison(CONTRACT_EXAMPLE.replace("\"name\": \"Oat milk 1L\",", "\"name\": null,"), "name is required");
    }

    @Test
    void invalidValuesArePoison() {
        assertPoison(CONTRACT_EXAMPLE.replace("\"ON_SALE\"", "\"ON_FIRE\""), "invalid ProductUpserted payload");
        assertPoison(CONTRACT_EXAMPLE.replace("\"basePrice\": 3200", "\"basePrice\": -1"), "basePrice must not be negative");
        assertPoison(CONTRACT_EXAMPLE.replace("\"shopId\": 42", "\"shopId\": 0"), "shopId and entityId must be positive");
        assertPoison(CONTRACT_EXAMPLE.replace("5b0c2e0e-8a0f", "not-a-uuid"), "eventId is not a UUID");
        assertPoison(CONTRACT_EXAMPLE.replace("10:15:30.123456Z", "yesterday"), "occurredAt is not an ISO-8601 instant");
    }

    @Test
    void aV2ProductInAnotherCurrencyIsPoison() {
        String v2 = new String(EventCodec.encode(sampleEvent(EventType.PRODUCT_UPSERTED), 2), StandardCharsets.UTF_8)
                .replace("\"KRW\"", "\"EUR\"");

        assertPoison(v2, "ProductUpserted v2 price in EUR, only KRW is supported");
    }

    @Test
    void anUpsertWithoutPayloadIsPoison() {
        assertPoison(CONTRACT_EXAMPLE.replaceAll("\"payload\": \\{[^}]*}", "\"payload\": null"),
                "ProductUpserted lacks its payload object");
    }

    @Test
    void aTypeWithoutAVersionTwoCannotBeWrittenAsOne() {
        assertThatThrownBy(() -> EventCodec.encode(sampleEvent(EventType.STOCK_CHANGED), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StockChanged has no schema version 2");
    }

    private static void assertPoison(String value, String reason) {
        assertThatThrownBy(() -> EventCodec.decode(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining(reason);
    }
}
