package com.storefront.display.core.domain;

import static com.storefront.display.core.domain.DomainState.requireNonNegative;

/** Review domain: {@code ReviewSummaryChanged} payload, {@code /source/review-summaries} item (id = shop id). */
public record ReviewSummaryState(double ratingAvg, int reviewCount) implements DomainState {

    public ReviewSummaryState {
        if (!(ratingAvg >= 0.0 && ratingAvg <= 5.0)) {
            throw new IllegalArgumentException("ratingAvg must be 0.0..5.0, was " + ratingAvg);
        }
        requireNonNegative(reviewCount, "reviewCount");
    }

    @Override
    public Domain domain() {
        return Domain.REVIEW;
    }
}
