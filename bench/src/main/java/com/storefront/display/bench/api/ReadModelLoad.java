package com.storefront.display.bench.api;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * The read model the benchmark reads: every shop with its header, a review summary for four in five,
 * two coupons (one active, one ended) and {@code perShop} products, a third of them discounted, half
 * with stock, one in twenty hidden. Written with unlogged batches of one partition; a marker row
 * (shop id {@code -shops}) records a complete load, so later runs reuse it.
 */
record ReadModelLoad(CqlSession session, String keyspace, int shops, long perShop) {

    private static final Logger log = LoggerFactory.getLogger(ReadModelLoad.class);

    void ensureLoaded() throws InterruptedException {
        String expected = "loaded " + shops + " x " + perShop;
        Row marker = session.execute("SELECT name FROM shop WHERE shop_id = ?", (long) -shops).one();
        if (marker != null && expected.equals(marker.getString(0))) {
            log.info("read model already {} (keyspace {})", expected, keyspace);
            return;
        }
        PreparedStatement shop = session.prepare("INSERT INTO shop (shop_id, seller_id, name, category, status, "
                + "delivery_fee, min_order_amount) VALUES (?, ?, ?, 'grocery', 'OPEN', 3000, 12000) USING TIMESTAMP ?");
        PreparedStatement review = session.prepare("INSERT INTO shop (shop_id, rating_avg, rating_count) VALUES (?, ?, ?) "
                + "USING TIMESTAMP ?");
        PreparedStatement coupon = session.prepare("INSERT INTO shop (shop_id, coupon_id, coupon_name, "
                + "coupon_discount_amount, coupon_min_order_amount, coupon_valid_from, coupon_valid_until, coupon_status) "
                + "VALUES (?, ?, ?, 2000, 15000, ?, ?, 'ACTIVE') USING TIMESTAMP ?");
        PreparedStatement product = session.prepare("INSERT INTO shop_product (shop_id, product_id, name, category, "
                + "image_url, base_price, display_status, sale_price, discount_rate, stock_quantity) "
                + "VALUES (?, ?, ?, 'dairy', ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?");
        long version = Instant.now().toEpochMilli() * 1000;
        Instant now = Instant.now();
        Semaphore inFlight = new Semaphore(24);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (long s = 1; s <= shops && failure.get() == null; s++) {
            BatchStatementBuilder header = BatchStatement.builder(DefaultBatchType.UNLOGGED)
                    .addStatement(shop.bind(s, s * 10, "shop " + s, version))
                    .addStatement(coupon.bind(s, 1L, "Welcome", now.minusSeconds(86_400), now.plusSeconds(30L * 86_400), version))
                    .addStatement(coupon.bind(s, 2L, "Ended", now.minusSeconds(9 * 86_400), now.minusSeconds(86_400), version));
            if (s % 5 != 0) {
                header.addStatement(review.bind(s, 3.0 + (s % 20) / 10.0, (int) (s % 500), version));
            }
            submit(header.build(), inFlight, failure);
            BatchStatementBuilder rows = BatchStatement.builder(DefaultBatchType.UNLOGGED);
            for (long i = 1; i <= perShop; i++) {
                long id = (s - 1) * perShop + i;
                boolean discounted = id % 3 == 0;
                BoundStatement row = product.bind(s, id, "product " + id, "https://img.example/" + id + ".jpg",
                        1000 + id % 5000, id % 20 == 0 ? "HIDDEN" : "ON_SALE", 900 + id % 4000, 10, (int) (id % 50), version);
                // a domain that has not written leaves its cells unset (a bound null would write a tombstone)
                if (!discounted) {
                    row = row.unset("sale_price").unset("discount_rate");
                }
                if (id % 2 != 0) {
                    row = row.unset("stock_quantity");
                }
                rows.addStatement(row);
                if (rows.getStatementsCount() == 50 || i == perShop) {
                    submit(rows.build(), inFlight, failure);
                    rows = BatchStatement.builder(DefaultBatchType.UNLOGGED);
                }
            }
            if (s % 1000 == 0) {
                double secondsSoFar = (System.nanoTime() - start) / 1e9;
                log.info("loaded {} of {} shops ({} products, {}/s)", s, shops, s * perShop,
                        String.format("%,.0f", s * perShop / secondsSoFar));
            }
        }
        inFlight.acquire(24);
        if (failure.get() != null) {
            throw new IllegalStateException("loading the read model failed", failure.get());
        }
        session.execute(shop.bind((long) -shops, 0L, expected, version));
        log.info("read model {} in {} s", expected, (System.nanoTime() - start) / 1_000_000_000);
    }

    private void submit(BatchStatement batch, Semaphore inFlight, AtomicReference<Throwable> failure)
            throws InterruptedException {
        inFlight.acquire();
        CompletableFuture<AsyncResultSet> done = session.executeAsync(batch).toCompletableFuture();
        done.whenComplete((rows, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            inFlight.release();
        });
    }
}
