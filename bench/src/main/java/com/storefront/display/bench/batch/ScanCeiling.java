package com.storefront.display.bench.batch;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/**
 * The reconcile's ceiling: a plain async driver loop reading every shop's two partitions with the write
 * times, the very reads reconciliation makes, and nothing else.
 */
final class ScanCeiling {

    private static final Logger log = LoggerFactory.getLogger(ScanCeiling.class);
    private static final String SHOP_SCAN = "SELECT coupon_id, seller_id, name, category, status, delivery_fee, min_order_amount, "
            + "rating_avg, rating_count, coupon_name, coupon_discount_amount, coupon_min_order_amount, coupon_valid_from, "
            + "coupon_valid_until, coupon_status, WRITETIME(name), WRITETIME(rating_avg), WRITETIME(coupon_name) "
            + "FROM shop WHERE shop_id = ?";
    private static final String PRODUCT_SCAN = "SELECT product_id, name, category, image_url, base_price, display_status, "
            + "sale_price, discount_rate, stock_quantity, WRITETIME(name), WRITETIME(category), WRITETIME(image_url), "
            + "WRITETIME(base_price), WRITETIME(display_status), WRITETIME(sale_price), WRITETIME(discount_rate), "
            + "WRITETIME(stock_quantity) FROM shop_product WHERE shop_id = ?";

    private ScanCeiling() {
    }

    /** Every shop's two partitions read with write times, 32 shops at a time: rows/s. */
    static double rowsPerSecond(CqlSession session, long[] shopIds) throws Exception {
        PreparedStatement shopScan = session.prepare(SHOP_SCAN);
        PreparedStatement productScan = session.prepare(PRODUCT_SCAN);
        AtomicLong rows = new AtomicLong();
        Semaphore inFlight = new Semaphore(32);
        long start = System.nanoTime();
        for (long shop : shopIds) {
            for (PreparedStatement scan : List.of(shopScan, productScan)) {
                inFlight.acquire();
                session.executeAsync(scan.bind(shop).setPageSize(5_000)).whenComplete((page, error) -> drain(page, error, rows, inFlight));
            }
        }
        inFlight.acquire(32);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = rows.get() / seconds;
        log.info("raw scan ceiling: {} rows in {} s, {} rows/s", rows.get(), Math.round(seconds), Math.round(rate));
        return rate;
    }

    private static void drain(AsyncResultSet page, Throwable error, AtomicLong rows, Semaphore inFlight) {
        if (error != null) {
            log.error("scan failed", error);
            inFlight.release();
            return;
        }
        rows.addAndGet(page.remaining());
        page.currentPage().forEach(row -> row.getObject(1));
        if (page.hasMorePages()) {
            page.fetchNextPage().whenComplete((next, failure) -> drain(next, failure, rows, inFlight));
        } else {
            inFlight.release();
        }
    }
}
