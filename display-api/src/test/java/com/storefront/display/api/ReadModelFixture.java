package com.storefront.display.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.springframework.data.cassandra.core.cql.AsyncCqlTemplate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.CouponState.CouponStatus;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainState;
import com.storefront.display.core.domain.OpeningHoursState;
import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ProductState.DisplayStatus;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.ShopState.ShopStatus;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.core.write.RowKey;

/**
 * Writes the read model as the stream and batch paths do: through each domain's projection and the one
 * {@link DisplayWriter}, with a version as the cell timestamp. Every test takes fresh shop ids.
 */
final class ReadModelFixture {

    private static final AtomicLong SHOP_IDS = new AtomicLong(1_000_000L + (System.nanoTime() & 0xFFFFFF) * 1000);

    private final DisplayWriter writer;
    private final AtomicLong versions = new AtomicLong(SourceVersions.of(Instant.now()));

    ReadModelFixture(CqlSession session) {
        this.writer = new DisplayWriter(new AsyncCqlTemplate(session));
    }

    long newShopId() {
        return SHOP_IDS.incrementAndGet();
    }

    long shop(long shopId, String name) {
        return upsert(Domain.SHOP, shopId, shopId, new ShopState(shopId * 10, name, "grocery", ShopStatus.OPEN, 3000, 12000));
    }

    long review(long shopId, double average, int count) {
        return upsert(Domain.REVIEW, shopId, shopId, new ReviewSummaryState(average, count));
    }

    long openingHours(long shopId, OpeningHoursState hours) {
        return upsert(Domain.OPENING_HOURS, shopId, shopId, hours);
    }

    long coupon(long shopId, long couponId, String name, CouponStatus status, Instant validFrom, Instant validUntil) {
        return upsert(Domain.COUPON, shopId, couponId, new CouponState(name, 2000, 15000, validFrom, validUntil, status));
    }

    long product(long shopId, long productId, String name, long basePrice, DisplayStatus status) {
        return upsert(Domain.PRODUCT, shopId, productId, new ProductState(name, "dairy",
                "https://img.example/" + productId + ".jpg", basePrice, status));
    }

    long price(long shopId, long productId, long salePrice, int discountRate) {
        return upsert(Domain.PRICE, shopId, productId, new PriceState(salePrice, discountRate));
    }

    long stock(long shopId, long productId, int quantity) {
        return upsert(Domain.STOCK, shopId, productId, new StockState(quantity));
    }

    /** Deletes what one domain owns of an entity, as a delete event does. */
    void delete(Domain domain, long shopId, long entityId) {
        write(Projections.of(domain).delete(shopId, entityId, versions.incrementAndGet()));
    }

    /** Deletes a shop's products {@code first..last} with one range delete, as reconciliation deletes a run of orphans. */
    void deleteProducts(long shopId, long first, long last) {
        write(new DisplayWrite.DeleteRange(RowKey.product(shopId, first), last, versions.incrementAndGet()));
    }

    /** Deletes the products one row tombstone each, as the stream applies a {@code ProductDeleted}. */
    void deleteProductsOneByOne(long shopId, long first, long last) {
        List<DisplayWrite> writes = new ArrayList<>();
        LongStream.rangeClosed(first, last).forEach(id -> writes.add(Projections.of(Domain.PRODUCT).delete(shopId, id, versions.incrementAndGet())));
        writer.writeAllAndWait(writes, 128);
    }

    /** ON_SALE products of a shop, one per id, written concurrently. */
    void products(long shopId, LongStream ids) {
        List<DisplayWrite> writes = new ArrayList<>();
        ids.forEach(id -> writes.add(Projections.of(Domain.PRODUCT).upsert(new SourceItem(Domain.PRODUCT, id, shopId,
                versions.incrementAndGet(), new ProductState("p" + id, "dairy", null, 100, DisplayStatus.ON_SALE)))));
        writer.writeAllAndWait(writes, 128);
    }

    private long upsert(Domain domain, long shopId, long id, DomainState state) {
        long version = versions.incrementAndGet();
        write(Projections.of(domain).upsert(new SourceItem(domain, id, shopId, version, state)));
        return version;
    }

    private void write(DisplayWrite write) {
        writer.write(write).join();
    }
}
