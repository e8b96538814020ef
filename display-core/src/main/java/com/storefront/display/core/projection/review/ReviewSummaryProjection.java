package com.storefront.display.core.projection.review;

import static com.storefront.display.core.write.ColumnValue.of;

import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/** Review domain: the rating columns of the shop partition. Summaries are never deleted. */
public final class ReviewSummaryProjection implements Projection {

    @Override
    public Domain domain() {
        return Domain.REVIEW;
    }

    @Override
    public List<String> columns() {
        return List.of("rating_avg", "rating_count");
    }

    @Override
    public RowKey key(long shopId, long entityId) {
        return RowKey.shop(shopId);
    }

    @Override
    public DisplayWrite upsert(SourceItem item) {
        ReviewSummaryState review = (ReviewSummaryState) item.state();
        return new DisplayWrite.Upsert(RowKey.shop(item.shopId()),
                List.of(of("rating_avg", review.ratingAvg()), of("rating_count", review.reviewCount())), item.version());
    }

    @Override
    public DisplayWrite delete(long shopId, long entityId, long version) {
        throw new UnsupportedOperationException("review summaries have no deletes");
    }
}
