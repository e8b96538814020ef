package com.storefront.display.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

class DriftDetectionTest {

    private static final long SHOP = 7;
    private static final long SNAPSHOT = 2_000_000;

    @Test
    void anEntityTheReadModelLacksIsMissingAndRepairedAtItsSourceVersion() {
        SourceItem stock = stock(101, 5, 1_000);

        List<Drift> drifts = DriftDetection.compare(Domain.STOCK, SHOP, List.of(stock), Map.of(), SNAPSHOT);

        assertThat(drifts).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.MISSING);
            assertThat(drift.countKey()).isEqualTo("stock:missing");
            assertThat(drift.repair().timestamp()).isEqualTo(1_000);
            assertThat(drift.repair().key()).isEqualTo(RowKey.product(SHOP, 101));
        });
    }

    @Test
    void anOlderVersionInTheReadModelIsStale() {
        List<Drift> drifts = DriftDetection.compare(Domain.STOCK, SHOP, List.of(stock(101, 5, 1_000)),
                Map.of(101L, stored(900, "stock_quantity", 9)), SNAPSHOT);

        assertThat(drifts).extracting(Drift::kind).containsExactly(DriftKind.STALE);
    }

    @Test
    void aNewerCellIsAChangeInFlightNotDrift() {
        List<Drift> drifts = DriftDetection.compare(Domain.STOCK, SHOP, List.of(stock(101, 5, 1_000)),
                Map.of(101L, stored(1_500, "stock_quantity", 3)), SNAPSHOT);

        assertThat(drifts).isEmpty();
    }

    @Test
    void theSameVersionWithTheSameValuesIsNoDrift() {
        List<Drift> drifts = DriftDetection.compare(Domain.STOCK, SHOP, List.of(stock(101, 5, 1_000)),
                Map.of(101L, stored(1_000, "stock_quantity", 5)), SNAPSHOT);

        assertThat(drifts).isEmpty();
    }

    @Test
    void theSameVersionWithOtherValuesIsAMismatchRepairedOneMicrosecondLater() {
        List<Drift> drifts = DriftDetection.compare(Domain.STOCK, SHOP, List.of(stock(101, 5, 1_000)),
                Map.of(101L, stored(1_000, "stock_quantity", 6)), SNAPSHOT);

        assertThat(drifts).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.MISMATCH);
            assertThat(drift.repair().timestamp()).isEqualTo(1_001);
            assertThat(drift.detail()).contains("stock_quantity").contains("6").contains("5");
        });
    }

    @Test
    void timestampsAreComparedAtCassandrasMillisecondPrecision() {
        Instant from = Instant.parse("2026-11-01T00:00:00.123456Z");
        Instant until = Instant.parse("2026-12-31T14:59:59.999999Z");
        SourceItem coupon = new SourceItem(Domain.COUPON, 29, SHOP, 1_000,
                new CouponState("Welcome", 2000, 15000, from, until, CouponState.CouponStatus.ACTIVE));
        StoredEntity held = new StoredEntity(Map.of("coupon_name", "Welcome", "coupon_discount_amount", 2000L,
                "coupon_min_order_amount", 15000L, "coupon_valid_from", Instant.parse("2026-11-01T00:00:00.123Z"),
                "coupon_valid_until", Instant.parse("2026-12-31T14:59:59.999Z"), "coupon_status", "ACTIVE"), 1_000);

        assertThat(DriftDetection.compare(Domain.COUPON, SHOP, List.of(coupon), Map.of(29L, held), SNAPSHOT)).isEmpty();
    }

    @Test
    void anEntityGoneAtTheSourceIsAnOrphanDeletedAsOfTheSnapshot() {
        List<Drift> drifts = DriftDetection.compare(Domain.PRODUCT, SHOP, List.of(),
                Map.of(101L, stored(1_000, "name", "Oat milk")), SNAPSHOT);

        assertThat(drifts).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.ORPHAN);
            assertThat(drift.repair()).isEqualTo(new DisplayWrite.Delete(RowKey.product(SHOP, 101), SNAPSHOT));
        });
    }

    @Test
    void anOrphanOfADomainWithoutDeletesHasItsColumnsCleared() {
        List<Drift> drifts = DriftDetection.compare(Domain.STOCK, SHOP, List.of(),
                Map.of(101L, stored(1_000, "stock_quantity", 4)), SNAPSHOT);

        assertThat(drifts).extracting(Drift::repair).containsExactly(
                new DisplayWrite.DeleteColumns(RowKey.product(SHOP, 101), List.of("stock_quantity"), SNAPSHOT));
    }

    @Test
    void anEntityWrittenAfterTheSnapshotIsInFlightNotAnOrphan() {
        List<Drift> drifts = DriftDetection.compare(Domain.PRODUCT, SHOP, List.of(),
                Map.of(101L, stored(SNAPSHOT + 1, "name", "Oat milk")), SNAPSHOT);

        assertThat(drifts).isEmpty();
    }

    private static SourceItem stock(long productId, int quantity, long version) {
        return new SourceItem(Domain.STOCK, productId, SHOP, version, new StockState(quantity));
    }

    private static StoredEntity stored(long writeTime, String column, Object value) {
        return new StoredEntity(Map.of(column, value), writeTime);
    }
}
