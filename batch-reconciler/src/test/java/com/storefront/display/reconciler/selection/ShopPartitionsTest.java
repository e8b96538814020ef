package com.storefront.display.reconciler.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.storefront.display.reconciler.progress.PartitionProgress;

/** Shop partitions of equal counts, the ranges tiling the selection, each carrying its own orphans. */
class ShopPartitionsTest {

    @Test
    void threeShopsBeyondEightBillionBesideACatalogueOfTwoThousand() {
        long[] shops = LongStream.concat(LongStream.rangeClosed(1, 2_000), LongStream.of(8_400_000_001L, 8_400_000_002L,
                8_400_000_003L)).toArray();
        TreeSet<Long> orphans = new TreeSet<>(List.of(8_400_000_001L, 8_400_000_002L, 8_400_000_003L));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();

        ShopPartitioner.equalCounts(shops, orphans, 1, Long.MAX_VALUE, 8, partitions);

        List<ExecutionContext> contexts = new ArrayList<>(partitions.values());
        assertThat(contexts).hasSize(8);
        assertThat(contexts.get(0).getLong(ShopIdReader.FROM)).isEqualTo(1);
        assertThat(contexts.get(7).getLong(ShopIdReader.TO)).isEqualTo(Long.MAX_VALUE);
        for (int i = 1; i < contexts.size(); i++) {
            assertThat(contexts.get(i).getLong(ShopIdReader.FROM)).isEqualTo(contexts.get(i - 1).getLong(ShopIdReader.TO) + 1);
        }
        assertThat(contexts).allSatisfy(context -> assertThat(context.getLong(PartitionProgress.TOTAL)).isBetween(250L, 251L));
        assertThat(contexts.get(7).getString(ShopIdReader.ORPHANS)).isEqualTo("8400000001-8400000003");
        assertThat(contexts.subList(0, 7)).allSatisfy(context -> assertThat(context.containsKey(ShopIdReader.ORPHANS)).isFalse());
    }

    @Test
    void fewerShopsThanPartitions() {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();

        ShopPartitioner.equalCounts(new long[] {4, 9}, new TreeSet<>(), 1, 100, 8, partitions);

        assertThat(partitions).containsOnlyKeys("shops:1-8", "shops:9-100");
    }

    @Test
    void orphanRunsRoundTrip() {
        long[] ids = {3, 7, 8, 9, 12, 8_400_000_001L, 8_400_000_002L};

        assertThat(IdRuns.format(ids)).isEqualTo("3,7-9,12,8400000001-8400000002");
        assertThat(IdRuns.parse(IdRuns.format(ids))).containsExactly(ids);
        assertThat(IdRuns.parse(null)).isEmpty();
    }
}
