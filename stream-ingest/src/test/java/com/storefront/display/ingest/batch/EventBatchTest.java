package com.storefront.display.ingest.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;

class EventBatchTest {

    long offset;

    @Test
    void aStockBurstCostsOneEventPerProductAndTheNewestVersionWins() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int update = 1; update <= 50; update++) {
            for (long product = 1; product <= 10; product++) {
                // versions arrive out of order: the newest is not the last one
                long version = update == 25 ? 1_000 : update;
                records.add(record("stock-events", stock(product, version, update)));
            }
        }

        EventBatch batch = EventBatch.of(records, Topics.CONTRACT);

        assertThat(batch.events()).hasSize(10);
        assertThat(batch.coalesced()).isEqualTo(490);
        assertThat(batch.events()).allSatisfy(received -> {
            assertThat(received.event().version()).isEqualTo(1_000);
            assertThat(((StockState) received.event().payload()).quantity()).isEqualTo(25);
        });
    }

    @Test
    void aProductDeletedThenReListedInOnePollKeepsItsNewestDeleteWhateverTheArrivalOrder() {
        // the delete takes the row's stock and price; the re-listing writes only the product columns
        List<ConsumerRecord<String, byte[]>> records = List.of(record("product-events", product(EventType.PRODUCT_DELETED, 3)),
                record("product-events", product(EventType.PRODUCT_CHANGED, 7)),
                record("product-events", product(EventType.PRODUCT_DELETED, 5)),
                record("product-events", product(EventType.PRODUCT_CHANGED, 4)));

        EventBatch batch = EventBatch.of(records, Topics.CONTRACT);

        assertThat(batch.events()).extracting(received -> received.event().type(), received -> received.event().version())
                .containsExactly(tuple(EventType.PRODUCT_DELETED, 5L), tuple(EventType.PRODUCT_CHANGED, 7L));
        assertThat(batch.coalesced()).isEqualTo(2);
    }

    @Test
    void aDeleteNewerThanEveryUpsertIsTheOnlyEventKept() {
        EventBatch batch = EventBatch.of(List.of(record("product-events", product(EventType.PRODUCT_DELETED, 2)),
                record("product-events", product(EventType.PRODUCT_CHANGED, 3)),
                record("product-events", product(EventType.PRODUCT_DELETED, 6))), Topics.CONTRACT);

        assertThat(batch.events()).extracting(received -> received.event().version()).containsExactly(6L);
        assertThat(batch.coalesced()).isEqualTo(2);
    }

    @Test
    void differentDomainsOfOneProductAreNotCoalesced() {
        EventBatch batch = EventBatch.of(List.of(record("stock-events", stock(1, 5, 1)),
                record("price-events", EventCodec.encode(new DomainEvent(UUID.randomUUID(), EventType.PRICE_CHANGED, 1,
                        Instant.now(), 1, 1, 4, new PriceState(100, 0))))), Topics.CONTRACT);

        assertThat(batch.events()).hasSize(2);
        assertThat(batch.coalesced()).isZero();
    }

    @Test
    void unreadableRecordsAndEventsOnTheWrongTopicArePoisonWithAReason() {
        EventBatch batch = EventBatch.of(List.of(record("stock-events", "{oops".getBytes(StandardCharsets.UTF_8)),
                record("price-events", stock(1, 5, 1)), record("stock-events", stock(2, 5, 1))), Topics.CONTRACT);

        assertThat(batch.poison()).extracting(EventBatch.Poison::reason)
                .satisfiesExactly(r -> assertThat(r).startsWith("not valid JSON"),
                        r -> assertThat(r).isEqualTo("StockChanged does not belong on price-events"));
        assertThat(batch.events()).hasSize(1);
    }

    @Test
    void underAnEnvironmentPrefixOnlyThePrefixedTopicIsTheDomains() {
        Topics staging = new Topics("staging.");

        EventBatch batch = EventBatch.of(List.of(record("staging.stock-events", stock(1, 5, 1)),
                record("stock-events", stock(2, 5, 1))), staging);

        assertThat(batch.events()).extracting(received -> received.event().entityId()).containsExactly(1L);
        assertThat(batch.poison()).extracting(EventBatch.Poison::reason)
                .containsExactly("StockChanged does not belong on stock-events");
    }

    private static byte[] product(EventType type, long version) {
        return EventCodec.encode(new DomainEvent(UUID.randomUUID(), type, 1, Instant.now(), 1, 42, version, null));
    }

    private static byte[] stock(long product, long version, int quantity) {
        return EventCodec.encode(new DomainEvent(UUID.randomUUID(), EventType.STOCK_CHANGED, 1, Instant.now(), 1, product,
                version, new StockState(quantity)));
    }

    private ConsumerRecord<String, byte[]> record(String topic, byte[] value) {
        return new ConsumerRecord<>(topic, 0, offset++, "1", value);
    }
}
