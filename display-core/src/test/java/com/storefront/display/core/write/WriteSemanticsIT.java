package com.storefront.display.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.cassandra.core.cql.AsyncCqlTemplate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.core.model.ShopCoupon;
import com.storefront.display.core.model.ShopHeader;
import com.storefront.display.core.model.ShopProduct;
import com.storefront.display.localstack.StackEndpoints;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.migrations.cql.CqlMigrationSettings;
import com.storefront.display.migrations.cql.CqlMigrations;

/** The write semantics every path relies on, proven against a real Cassandra. */
@WithLocalStack
class WriteSemanticsIT {

    private static final String KEYSPACE = "display_write_it";
    private static final AtomicLong SHOPS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private static CqlSession session;
    private static DisplayWriter writer;

    @BeforeAll
    static void migrate(StackEndpoints stack) {
        new CqlMigrations(CqlMigrationSettings.localDefaults(KEYSPACE), () -> CqlSession.builder()
                .addContactPoint(stack.cassandraContactPoint()).withLocalDatacenter(stack.localDatacenter())).migrate();
        session = CqlSession.builder().addContactPoint(stack.cassandraContactPoint())
                .withLocalDatacenter(stack.localDatacenter()).withKeyspace(KEYSPACE).build();
        writer = new DisplayWriter(new AsyncCqlTemplate(session));
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void anUpsertAddsItsShopToTheDirectoryOnceThroughEitherWritePathAndADeleteAddsNothing() {
        long single = SHOPS.incrementAndGet();
        long batched = SHOPS.incrementAndGet();
        long deletedOnly = SHOPS.incrementAndGet();

        write(productUpsert(single, 1, "Oat milk 1L", 3200, 100));
        writer.writeAllAndWait(List.of(productUpsert(batched, 1, "Rye bread", 4100, 100), productUpsert(batched, 2, "Butter", 5200, 100)), 4);
        write(new DisplayWrite.Delete(RowKey.product(deletedOnly, 1), 100));

        assertThat(inDirectory(single)).isTrue();
        assertThat(inDirectory(batched)).isTrue();
        assertThat(inDirectory(deletedOnly)).as("a delete leaves nothing to enumerate").isFalse();
    }

    @Test
    void aDuplicateEventIsANoOp() {
        long shop = SHOPS.incrementAndGet();
        write(productUpsert(shop, 1, "Oat milk 1L", 3200, 100));
        ShopProduct first = product(shop, 1).orElseThrow();

        write(productUpsert(shop, 1, "Oat milk 1L", 3200, 100));

        assertThat(product(shop, 1)).contains(first);
        assertThat(writeTime(shop, 1, "name")).isEqualTo(100);
    }

    @Test
    void anOlderEventAppliedAfterANewerOneChangesNothing() {
        long shop = SHOPS.incrementAndGet();
        write(productUpsert(shop, 1, "Oat milk 1L (new)", 2900, 200));

        write(productUpsert(shop, 1, "Oat milk 1L (old)", 3200, 100));

        assertThat(product(shop, 1)).get().extracting(ShopProduct::name, ShopProduct::basePrice)
                .containsExactly("Oat milk 1L (new)", 2900L);
        assertThat(writeTime(shop, 1, "base_price")).isEqualTo(200);
    }

    @Test
    void aDeleteFollowedByAnOlderUpdateStaysDeleted() {
        long shop = SHOPS.incrementAndGet();
        write(productUpsert(shop, 1, "Oat milk 1L", 3200, 100));
        write(new DisplayWrite.Delete(RowKey.product(shop, 1), 300));

        write(productUpsert(shop, 1, "Oat milk 1L (late)", 3100, 200));

        assertThat(product(shop, 1)).isEmpty();
    }

    @Test
    void twoDomainsWritingTheSameRowKeepEachOthersColumns() {
        long shop = SHOPS.incrementAndGet();
        write(productUpsert(shop, 1, "Oat milk 1L", 3200, 300));
        write(new DisplayWrite.Upsert(RowKey.product(shop, 1), List.of(ColumnValue.of("stock_quantity", 31)), 100));
        write(new DisplayWrite.Upsert(RowKey.product(shop, 1),
                List.of(ColumnValue.of("sale_price", 2880L), ColumnValue.of("discount_rate", 10)), 200));

        write(productUpsert(shop, 1, "Oat milk 1L", 3300, 400));

        assertThat(product(shop, 1)).contains(new ShopProduct(shop, 1, "Oat milk 1L", "dairy",
                "https://img.example/1.jpg", 3300L, "ON_SALE", 2880L, 10, 31));
    }

    @Test
    void aStockEventNewerThanTheProductDeleteLeavesAnOrphanWithoutProductData() {
        long shop = SHOPS.incrementAndGet();
        write(productUpsert(shop, 1, "Oat milk 1L", 3200, 100));
        write(new DisplayWrite.Delete(RowKey.product(shop, 1), 200));

        write(new DisplayWrite.Upsert(RowKey.product(shop, 1), List.of(ColumnValue.of("stock_quantity", 5)), 300));

        assertThat(product(shop, 1)).get().satisfies(orphan -> {
            assertThat(orphan.hasProductData()).isFalse();
            assertThat(orphan.stockQuantity()).isEqualTo(5);
        });
    }

    @Test
    void couponRowsAndTheShopHeaderShareAPartitionWithoutTouchingEachOther() {
        long shop = SHOPS.incrementAndGet();
        write(shopUpsert(shop, "Green Grocer", 100));
        write(couponUpsert(shop, 7, "Welcome", 200));
        write(couponUpsert(shop, 8, "Weekend", 200));

        write(new DisplayWrite.Delete(RowKey.coupon(shop, 7), 300));

        assertThat(header(shop)).get().extracting(ShopHeader::name).isEqualTo("Green Grocer");
        assertThat(coupons(shop)).extracting(ShopCoupon::couponId).containsExactly(8L);
    }

    @Test
    void aShopDeleteShadowsOlderDataButNotNewerChanges() {
        long shop = SHOPS.incrementAndGet();
        write(shopUpsert(shop, "Green Grocer", 100));
        write(couponUpsert(shop, 7, "Welcome", 200));
        write(couponUpsert(shop, 8, "After the delete", 400));

        write(new DisplayWrite.Delete(RowKey.shop(shop), 300));

        assertThat(header(shop)).get().satisfies(h -> assertThat(h.hasShopData()).isFalse());
        assertThat(coupons(shop)).extracting(ShopCoupon::couponId).containsExactly(8L);
    }

    @Test
    void aRangeDeleteShadowsOlderRowsInsideItAndNothingNewerOrOutside() {
        long shop = SHOPS.incrementAndGet();
        for (long product = 1; product <= 5; product++) {
            write(productUpsert(shop, product, "p" + product, 100, 100));
        }
        write(productUpsert(shop, 3, "Written after the snapshot", 100, 400));

        write(new DisplayWrite.DeleteRange(RowKey.product(shop, 2), 4, 300));
        write(productUpsert(shop, 4, "An older event arriving late", 100, 200));

        assertThat(LongStream.rangeClosed(1, 5).filter(id -> product(shop, id).isPresent()).boxed().toList())
                .containsExactly(1L, 3L, 5L);
        assertThat(product(shop, 3)).get().extracting(ShopProduct::name).isEqualTo("Written after the snapshot");
    }

    @Test
    void aValueOfTheWrongTypeFailsTheWriteWithTheColumnNamed() {
        long shop = SHOPS.incrementAndGet();
        DisplayWrite wrong = new DisplayWrite.Upsert(RowKey.product(shop, 1), List.of(ColumnValue.of("stock_quantity", "lots")), 1);

        assertThatThrownBy(() -> write(wrong)).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(DisplayWriteException.class)
                .hasMessageContaining("stock_quantity")
                .hasMessageContaining("RowKey[table=SHOP_PRODUCT, values=[" + shop + ", 1]]")
                .hasMessageContaining("Codec not found");
    }

    @Test
    void anOlderUpdateInsideABatchStillLosesToANewerCell() {
        long shop = SHOPS.incrementAndGet();
        write(new DisplayWrite.Upsert(RowKey.product(shop, 2), List.of(ColumnValue.of("stock_quantity", 9)), 500));

        // one shop's writes: one unlogged batch, each statement with its own timestamp
        writer.writeAllAndWait(List.of(productUpsert(shop, 1, "Oat milk 1L (new)", 2900, 200),
                productUpsert(shop, 1, "Oat milk 1L (old)", 3200, 100),
                new DisplayWrite.Upsert(RowKey.product(shop, 2), List.of(ColumnValue.of("stock_quantity", 4)), 400),
                new DisplayWrite.Delete(RowKey.product(shop, 3), 300), productUpsert(shop, 3, "Rye bread", 450, 250)), 4);

        assertThat(product(shop, 1)).get().extracting(ShopProduct::name, ShopProduct::basePrice)
                .containsExactly("Oat milk 1L (new)", 2900L);
        assertThat(writeTime(shop, 1, "name")).isEqualTo(200);
        assertThat(product(shop, 2)).get().extracting(ShopProduct::stockQuantity).isEqualTo(9);
        assertThat(product(shop, 3)).as("deleted at 300, after the upsert's 250").isEmpty();
    }

    @Test
    void aBatchWithAPoisonWriteFailsOnlyThatWriteAndLosesNothing() {
        long shop = SHOPS.incrementAndGet();
        DisplayWrite wrong = new DisplayWrite.Upsert(RowKey.product(shop, 2), List.of(ColumnValue.of("stock_quantity", "lots")), 100);
        List<DisplayWrite> writes = List.of(productUpsert(shop, 1, "Oat milk 1L", 3200, 100), wrong,
                productUpsert(shop, 3, "Rye bread", 450, 100), shopUpsert(shop, "Green Grocer", 100));

        assertThatThrownBy(() -> writer.writeAllAndWait(writes, 4)).isInstanceOf(DisplayWriteException.class)
                .hasMessageContaining("stock_quantity")
                .hasMessageContaining("RowKey[table=SHOP_PRODUCT, values=[" + shop + ", 2]]")
                .satisfies(e -> assertThat(((DisplayWriteException) e).write()).isEqualTo(wrong));

        assertThat(product(shop, 1)).get().extracting(ShopProduct::name).isEqualTo("Oat milk 1L");
        assertThat(product(shop, 3)).get().extracting(ShopProduct::name).isEqualTo("Rye bread");
        assertThat(product(shop, 2)).isEmpty();
        assertThat(header(shop)).get().extracting(ShopHeader::name).isEqualTo("Green Grocer");
    }

    @Test
    void moreWritesOfAShopThanABatchHoldsAllLand() {
        long shop = SHOPS.incrementAndGet();
        List<DisplayWrite> writes = new java.util.ArrayList<>();
        for (long product = 1; product <= 3 * DisplayWriter.DEFAULT_MAX_BATCH + 5; product++) {
            writes.add(new DisplayWrite.Upsert(RowKey.product(shop, product), List.of(ColumnValue.of("stock_quantity", (int) product)), 100));
        }

        writer.writeAllAndWait(writes, 2);

        assertThat(session.execute("SELECT count(*) FROM shop_product WHERE shop_id = ?", shop).one().getLong(0))
                .isEqualTo(writes.size());
    }

    private static DisplayWrite productUpsert(long shop, long product, String name, long basePrice, long version) {
        return new DisplayWrite.Upsert(RowKey.product(shop, product), List.of(
                ColumnValue.of("name", name), ColumnValue.of("category", "dairy"),
                ColumnValue.of("image_url", "https://img.example/" + product + ".jpg"),
                ColumnValue.of("base_price", basePrice), ColumnValue.of("display_status", "ON_SALE")), version);
    }

    private static DisplayWrite shopUpsert(long shop, String name, long version) {
        return new DisplayWrite.Upsert(RowKey.shop(shop), List.of(ColumnValue.of("name", name),
                ColumnValue.of("status", "OPEN"), ColumnValue.of("delivery_fee", 3000L)), version);
    }

    private static DisplayWrite couponUpsert(long shop, long coupon, String name, long version) {
        return new DisplayWrite.Upsert(RowKey.coupon(shop, coupon), List.of(ColumnValue.of("coupon_name", name),
                ColumnValue.of("coupon_discount_amount", 2000L), ColumnValue.of("coupon_status", "ACTIVE"),
                ColumnValue.of("coupon_valid_until", Instant.parse("2026-12-31T14:59:59Z"))), version);
    }

    private static boolean inDirectory(long shop) {
        return session.execute("SELECT shop_id FROM shop_directory WHERE shop_id = ?", shop).one() != null;
    }

    private static void write(DisplayWrite write) {
        writer.writeAll(List.of(write)).orTimeout(Duration.ofSeconds(10).toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
    }

    private static Optional<ShopProduct> product(long shop, long product) {
        return Optional.ofNullable(session.execute("SELECT " + ShopProduct.COLUMNS
                + " FROM shop_product WHERE shop_id = ? AND product_id = ?", shop, product).one()).map(ShopProduct::from);
    }

    private static Optional<ShopHeader> header(long shop) {
        return Optional.ofNullable(session.execute("SELECT " + ShopHeader.COLUMNS + " FROM shop WHERE shop_id = ? LIMIT 1",
                shop).one()).map(ShopHeader::from);
    }

    private static List<ShopCoupon> coupons(long shop) {
        return session.execute("SELECT " + ShopCoupon.COLUMNS + " FROM shop WHERE shop_id = ?", shop).all().stream()
                .filter(r -> !r.isNull("coupon_id")).map(ShopCoupon::from).toList();
    }

    private static long writeTime(long shop, long product, String column) {
        Row row = session.execute("SELECT WRITETIME(" + column + ") FROM shop_product WHERE shop_id = ? AND product_id = ?",
                shop, product).one();
        return row.getLong(0);
    }
}
