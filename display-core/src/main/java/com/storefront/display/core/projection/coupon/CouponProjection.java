package com.storefront.display.core.projection.coupon;

import static com.storefront.display.core.write.ColumnValue.of;

import java.util.List;

import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/** Coupon domain: one clustering row of the shop partition per coupon. */
public final class CouponProjection implements Projection {

    static final List<String> COLUMNS = List.of("coupon_name", "coupon_discount_amount", "coupon_min_order_amount",
            "coupon_valid_from", "coupon_valid_until", "coupon_status");

    @Override
    public Domain domain() {
        return Domain.COUPON;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public RowKey key(long shopId, long entityId) {
        return RowKey.coupon(shopId, entityId);
    }

    @Override
    public DisplayWrite upsert(SourceItem item) {
        CouponState coupon = (CouponState) item.state();
        return new DisplayWrite.Upsert(RowKey.coupon(item.shopId(), item.id()), List.of(of("coupon_name", coupon.name()),
                of("coupon_discount_amount", coupon.discountAmount()), of("coupon_min_order_amount", coupon.minOrderAmount()),
                of("coupon_valid_from", coupon.validFrom()), of("coupon_valid_until", coupon.validUntil()),
                of("coupon_status", coupon.status().name())), item.version());
    }

    @Override
    public DisplayWrite delete(long shopId, long couponId, long version) {
        return new DisplayWrite.Delete(RowKey.coupon(shopId, couponId), version);
    }
}
