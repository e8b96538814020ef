package com.storefront.display.ingest;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;

/** Records no consumer can read, of every kind docs/contracts.md calls poison, spread over the topics. */
final class Poison {

    static final String REASONS = "(not valid JSON|unknown event type|lacks the integer field|invalid StockChanged payload"
            + "|ProductUpserted does not belong on).*";

    private Poison() {
    }

    /** The n-th poison record, on one of {@code topics}. */
    static ProducerRecord<String, byte[]> record(int n, Topics topics) {
        Domain domain = Domain.evented().get(n % Domain.evented().size());
        String key = Integer.toString(n % 50 + 1);
        String value = switch (n % 5) {
            case 0 -> "{\"eventId\": \"" + n; // cut short
            case 1 -> envelope("StockRecounted", "{\"quantity\": 1}", true);
            case 2 -> envelope("StockChanged", "{\"quantity\": 1}", false);
            case 3 -> envelope("StockChanged", "{\"quantity\": -4}", true);
            default -> envelope("ProductUpserted", "{\"name\": \"x\", \"category\": \"c\", \"imageUrl\": null, "
                    + "\"basePrice\": 1, \"displayStatus\": \"ON_SALE\"}", true);
        };
        // a ProductUpserted is poison everywhere but on product-events
        String topic = topics.of(n % 5 == 4 && domain == Domain.PRODUCT ? Domain.STOCK : domain);
        return new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String envelope(String type, String payload, boolean withVersion) {
        return "{\"eventId\": \"5b0c2e0e-8a0f-4a53-9a57-3f1c2b8b7d11\", \"type\": \"" + type + "\", \"schemaVersion\": 1, "
                + "\"occurredAt\": \"2026-11-24T10:15:30.123456Z\", \"shopId\": 9, \"entityId\": 9,"
                + (withVersion ? " \"version\": 5," : "") + " \"payload\": " + payload + "}";
    }
}
