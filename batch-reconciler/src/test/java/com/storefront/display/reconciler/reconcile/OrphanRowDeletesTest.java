package com.storefront.display.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.ColumnValue;
import com.storefront.display.core.write.DisplayTable;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

class OrphanRowDeletesTest {

    private static final long SHOP = 7;
    private static final long SNAPSHOT = 2_000_000;
    private static final List<Domain> ALL = List.of(Domain.values());

    private final Map<Domain, List<SourceItem>> listed = new EnumMap<>(Domain.class);
    private final Map<Domain, Map<Long, StoredEntity>> stored = new EnumMap<>(Domain.class);
    private final List<Drift> drifts = new ArrayList<>();

    @Test
    void neighbouringOrphanRowsAreDeletedAsOneRangeAndARowKeptBetweenThemSplitsTheRange() {
        LongStream.rangeClosed(1, 10).forEach(id -> storeProduct(id));
        LongStream.of(1, 2, 3, 5, 7, 8, 9, 10).forEach(id -> orphanProduct(id));

        assertThat(repairs(ALL)).containsExactly(
                new DisplayWrite.DeleteRange(RowKey.product(SHOP, 1), 3, SNAPSHOT),
                new DisplayWrite.Delete(RowKey.product(SHOP, 5), SNAPSHOT),
                new DisplayWrite.DeleteRange(RowKey.product(SHOP, 7), 10, SNAPSHOT));
    }

    @Test
    void anIdTheSourceListsInAnyDomainIsNeverInsideARange() {
        LongStream.of(1, 2, 4, 5).forEach(id -> {
            storeProduct(id);
            orphanProduct(id);
        });
        // stock at the source for product 3, which the read model does not have yet: its repair is older than the snapshot
        listed.put(Domain.STOCK, List.of(new SourceItem(Domain.STOCK, 3, SHOP, 1_000, new StockState(4))));
        Drift missing = new Drift(Domain.STOCK, DriftKind.MISSING, SHOP, 3,
                new DisplayWrite.Upsert(RowKey.product(SHOP, 3), List.of(ColumnValue.of("stock_quantity", 4)), 1_000), "");
        drifts.add(missing);

        assertThat(repairs(ALL)).containsExactlyInAnyOrder(missing.repair(),
                new DisplayWrite.DeleteRange(RowKey.product(SHOP, 1), 2, SNAPSHOT),
                new DisplayWrite.DeleteRange(RowKey.product(SHOP, 4), 5, SNAPSHOT));
    }

    @Test
    void aShopWhoseRowsAreAllOrphansLosesItsPartitionInOneDelete() {
        LongStream.rangeClosed(1, 1_000).forEach(id -> {
            storeProduct(id);
            orphanProduct(id);
        });

        assertThat(repairs(ALL)).containsExactly(
                new DisplayWrite.Delete(new RowKey(DisplayTable.SHOP_PRODUCT, List.of(SHOP)), SNAPSHOT));
    }

    @Test
    void couponRowsAreDeletedByRangeButNeverWithTheShopsOwnStaticColumns() {
        Map<Long, StoredEntity> coupons = new HashMap<>();
        LongStream.rangeClosed(1, 3).forEach(id -> {
            coupons.put(id, new StoredEntity(Map.of("coupon_name", "c" + id), 1_000));
            drifts.add(new Drift(Domain.COUPON, DriftKind.ORPHAN, SHOP, id, new DisplayWrite.Delete(RowKey.coupon(SHOP, id), SNAPSHOT), ""));
        });
        stored.put(Domain.COUPON, coupons);

        assertThat(repairs(ALL)).containsExactly(new DisplayWrite.DeleteRange(RowKey.coupon(SHOP, 1), 3, SNAPSHOT));
    }

    @Test
    void aRunOfSomeDomainsDeletesRowByRowForItCannotKnowTheOtherDomainsRowsAtTheSource() {
        LongStream.rangeClosed(1, 3).forEach(id -> {
            storeProduct(id);
            orphanProduct(id);
        });

        assertThat(repairs(List.of(Domain.PRODUCT))).containsExactly(
                new DisplayWrite.Delete(RowKey.product(SHOP, 1), SNAPSHOT),
                new DisplayWrite.Delete(RowKey.product(SHOP, 2), SNAPSHOT),
                new DisplayWrite.Delete(RowKey.product(SHOP, 3), SNAPSHOT));
    }

    /**
     * The cause of issue 41's orphan shop: 120,000 stock rows of a shop no source knows were repaired as a
     * column delete each (stock has no deletes of its own), 120,000 cell tombstones that no range merged and
     * that every later read of the partition walked. Rows that only orphan domains hold are orphan rows.
     */
    @Test
    void stockRowsOfProductsNoSourceKnowsAreDeletedAsRowsSoAShopOfThemLosesItsPartitionInOneDelete() {
        LongStream.rangeClosed(1, 1_000).forEach(id -> {
            storeStock(id);
            orphanStock(id);
        });

        assertThat(repairs(ALL)).containsExactly(
                new DisplayWrite.Delete(new RowKey(DisplayTable.SHOP_PRODUCT, List.of(SHOP)), SNAPSHOT));
    }

    @Test
    void aStockOrphanBesideAListedProductOnlyClearsTheStockColumnAndSplitsTheRange() {
        LongStream.rangeClosed(1, 5).forEach(id -> {
            storeStock(id);
            orphanStock(id);
        });
        storeProduct(3);
        listed.put(Domain.PRODUCT, List.of(new SourceItem(Domain.PRODUCT, 3, SHOP, 1_000,
                new ProductState("kept", "food", "", 100, ProductState.DisplayStatus.ON_SALE))));

        assertThat(repairs(ALL)).containsExactlyInAnyOrder(
                new DisplayWrite.DeleteColumns(RowKey.product(SHOP, 3), List.of("stock_quantity"), SNAPSHOT),
                new DisplayWrite.DeleteRange(RowKey.product(SHOP, 1), 2, SNAPSHOT),
                new DisplayWrite.DeleteRange(RowKey.product(SHOP, 4), 5, SNAPSHOT));
    }

    @Test
    void aTableReadThroughManyTombstonesGetsRangesOverEveryIdButTheKeptRows() {
        LongStream.of(5, 10).forEach(id -> storeProduct(id));
        storeProduct(7);
        orphanProduct(7);

        assertThat(OrphanRowDeletes.repairs(SHOP, drifts, listed, stored, ALL, SNAPSHOT, Set.of(DisplayTable.SHOP_PRODUCT)))
                .containsExactly(
                        new DisplayWrite.DeleteRange(RowKey.product(SHOP, Long.MIN_VALUE), 4, SNAPSHOT),
                        new DisplayWrite.DeleteRange(RowKey.product(SHOP, 6), 9, SNAPSHOT),
                        new DisplayWrite.DeleteRange(RowKey.product(SHOP, 11), Long.MAX_VALUE, SNAPSHOT));
    }

    @Test
    void aTableReadThroughManyTombstonesWithNothingKeptLosesItsPartitionAndTheShopKeepsItsHeader() {
        assertThat(OrphanRowDeletes.repairs(SHOP, drifts, listed, stored, ALL, SNAPSHOT, EnumSet.allOf(DisplayTable.class)))
                .containsExactly(
                        new DisplayWrite.DeleteRange(RowKey.coupon(SHOP, Long.MIN_VALUE), Long.MAX_VALUE, SNAPSHOT),
                        new DisplayWrite.Delete(new RowKey(DisplayTable.SHOP_PRODUCT, List.of(SHOP)), SNAPSHOT));
    }

    @Test
    void aTableReadThroughManyTombstonesBetweenManyKeptRowsGetsItsHeadAndTailCoveredOnly() {
        LongStream.rangeClosed(1, 200).forEach(id -> storeProduct(id * 10));

        assertThat(OrphanRowDeletes.repairs(SHOP, drifts, listed, stored, ALL, SNAPSHOT, Set.of(DisplayTable.SHOP_PRODUCT)))
                .containsExactly(
                        new DisplayWrite.DeleteRange(RowKey.product(SHOP, Long.MIN_VALUE), 9, SNAPSHOT),
                        new DisplayWrite.DeleteRange(RowKey.product(SHOP, 2_001), Long.MAX_VALUE, SNAPSHOT));
    }

    @Test
    void aPartialRunNeverConsolidatesForItCannotKnowTheOtherDomainsRows() {
        storeProduct(5);

        assertThat(OrphanRowDeletes.repairs(SHOP, drifts, listed, stored, List.of(Domain.PRODUCT), SNAPSHOT,
                Set.of(DisplayTable.SHOP_PRODUCT))).isEmpty();
    }

    private List<DisplayWrite> repairs(List<Domain> domains) {
        return OrphanRowDeletes.repairs(SHOP, drifts, listed, stored, domains, SNAPSHOT, Set.of());
    }

    private void storeStock(long id) {
        stored.computeIfAbsent(Domain.STOCK, d -> new HashMap<>()).put(id, new StoredEntity(Map.of("stock_quantity", 3), 1_000));
    }

    private void orphanStock(long id) {
        drifts.add(new Drift(Domain.STOCK, DriftKind.ORPHAN, SHOP, id,
                new DisplayWrite.DeleteColumns(RowKey.product(SHOP, id), List.of("stock_quantity"), SNAPSHOT), ""));
    }

    private void storeProduct(long id) {
        stored.computeIfAbsent(Domain.PRODUCT, d -> new HashMap<>()).put(id, new StoredEntity(Map.of("product_name", "p" + id), 1_000));
    }

    private void orphanProduct(long id) {
        drifts.add(new Drift(Domain.PRODUCT, DriftKind.ORPHAN, SHOP, id, new DisplayWrite.Delete(RowKey.product(SHOP, id), SNAPSHOT), ""));
    }
}
