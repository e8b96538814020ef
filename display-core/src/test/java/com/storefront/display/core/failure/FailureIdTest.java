package com.storefront.display.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.uuid.Uuids;

class FailureIdTest {

    private static final long AT = 1_764_000_000_000L;

    @Test
    void theSameRecordAlwaysGetsTheSameId() {
        assertThat(FailureStore.failureId("stock-events", 3, 1_234, AT))
                .isEqualTo(FailureStore.failureId("stock-events", 3, 1_234, AT));
    }

    @Test
    void theIdIsATimeUuidOfTheRecordTimestamp() {
        UUID id = FailureStore.failureId("stock-events", 3, 1_234, AT);

        assertThat(id.version()).isEqualTo(1);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Uuids.unixTimestamp(id)).isEqualTo(AT);
    }

    @Test
    void recordsOfOneMillisecondGetDistinctIds() {
        Set<UUID> ids = new HashSet<>();
        for (String topic : new String[] {"stock-events", "price-events", "shop-events"}) {
            for (int partition = 0; partition < 12; partition++) {
                for (long offset = 0; offset < 1_000; offset++) {
                    ids.add(FailureStore.failureId(topic, partition, offset, AT));
                }
            }
        }
        assertThat(ids).hasSize(3 * 12 * 1_000);
    }
}
