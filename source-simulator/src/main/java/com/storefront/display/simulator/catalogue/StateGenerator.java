package com.storefront.display.simulator.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.CouponState.CouponStatus;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainState;
import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ProductState.DisplayStatus;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.ShopState.ShopStatus;
import com.storefront.display.core.domain.StockState;

/**
 * The state of any entity after any number of changes, computed from (seed, domain, id, change count):
 * nothing is stored, so a catalogue of any size costs no memory for entities that never changed.
 */
public final class StateGenerator {

    private static final String[] CATEGORIES = {"grocery", "dairy", "bakery", "beverages", "snacks", "household",
            "beauty", "pets", "baby", "frozen", "fashion", "electronics"};
    private static final String[] ADJECTIVES = {"Fresh", "Organic", "Classic", "Daily", "Premium", "Mini", "Family",
            "Crispy", "Golden", "Green", "Urban", "Happy"};
    private static final String[] NOUNS = {"Oat milk", "Rye bread", "Apple juice", "Green tea", "Rice cakes", "Kimchi",
            "Dish soap", "Hand cream", "Dog treats", "Diapers", "Dumplings", "T-shirt", "Earbuds", "Coffee beans"};
    private static final String[] SIZES = {"1L", "500g", "250ml", "2kg", "6-pack", "12 pcs", "M", "L"};
    private static final String[] SHOP_NOUNS = {"Grocer", "Market", "Corner", "Pantry", "Depot", "Store", "Outlet"};
    private static final String[] COUPON_NAMES = {"Welcome", "Weekend", "Free delivery", "Loyalty", "Flash sale"};

    private final long seed;
    private final Instant createdAt;

    public StateGenerator(CatalogueSettings settings) {
        this.seed = settings.seed();
        this.createdAt = settings.createdAt();
    }

    /** The entity's state after {@code changes} changes (0: the catalogue's initial state). */
    public DomainState state(Domain domain, long id, int changes) {
        SplittableRandom random = SeededHash.random(seed, 100 + domain.ordinal(), id, changes);
        return switch (domain) {
            case SHOP -> shop(random, id);
            case PRODUCT -> product(random, id);
            case STOCK -> stock(random);
            case PRICE -> price(random, id);
            case COUPON -> coupon(random);
            case REVIEW -> review(random);
        };
    }

    private static ShopState shop(SplittableRandom random, long id) {
        String name = pick(random, ADJECTIVES) + " " + pick(random, SHOP_NOUNS) + " " + id;
        int status = random.nextInt(100);
        return new ShopState(10_000 + random.nextInt(90_000), name, pick(random, CATEGORIES),
                status < 90 ? ShopStatus.OPEN : status < 97 ? ShopStatus.CLOSED : ShopStatus.SUSPENDED,
                500L * random.nextInt(8), 1_000L * random.nextInt(21));
    }

    private ProductState product(SplittableRandom random, long id) {
        String name = pick(random, ADJECTIVES) + " " + pick(random, NOUNS) + " " + pick(random, SIZES);
        int status = random.nextInt(100);
        return new ProductState(name, pick(random, CATEGORIES), "https://img.example/" + id + ".jpg", listPrice(random),
                status < 85 ? DisplayStatus.ON_SALE : status < 93 ? DisplayStatus.SOLD_OUT : DisplayStatus.HIDDEN);
    }

    private static StockState stock(SplittableRandom random) {
        return new StockState(random.nextInt(10) == 0 ? 0 : random.nextInt(1, 500));
    }

    /** A discount off the product's initial base price, so prices look plausible next to the product. */
    private PriceState price(SplittableRandom random, long productId) {
        long list = ((ProductState) state(Domain.PRODUCT, productId, 0)).basePrice();
        int discountRate = 5 * random.nextInt(11);
        return new PriceState(Math.round(list * (100 - discountRate) / 1000.0) * 10, discountRate);
    }

    private CouponState coupon(SplittableRandom random) {
        Instant validFrom = createdAt.minus(Duration.ofDays(random.nextInt(1, 60)));
        // one in ten has a validity that has already ended; the rest run well past today
        Instant validUntil = random.nextInt(10) == 0 ? createdAt.plus(Duration.ofDays(random.nextInt(1, 30)))
                : createdAt.plus(Duration.ofDays(random.nextInt(400, 900)));
        int status = random.nextInt(100);
        return new CouponState(pick(random, COUPON_NAMES), 1_000L * random.nextInt(1, 6),
                5_000L * random.nextInt(0, 7), validFrom, validUntil,
                status < 80 ? CouponStatus.ACTIVE : status < 90 ? CouponStatus.EXPIRED : CouponStatus.WITHDRAWN);
    }

    private static ReviewSummaryState review(SplittableRandom random) {
        return new ReviewSummaryState(random.nextInt(10, 51) / 10.0, random.nextInt(1, 5_000));
    }

    private static long listPrice(SplittableRandom random) {
        // log-uniform from 1,000 to 300,000 KRW, in steps of 100
        return Math.round(Math.exp(random.nextDouble(Math.log(1_000), Math.log(300_000))) / 100) * 100;
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
