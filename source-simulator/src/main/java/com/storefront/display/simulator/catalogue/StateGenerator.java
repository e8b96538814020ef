package com.storefront.display.simulator.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.CouponState.CouponStatus;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainState;
import com.storefront.display.core.domain.OpeningHoursState;
import com.storefront.display.core.domain.OpeningHoursState.Interval;
import com.storefront.display.core.domain.OpeningHoursState.Weekday;
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
    private static final String[] TIME_ZONES = {"Asia/Seoul", "Asia/Seoul", "Asia/Seoul", "Asia/Tokyo", "Europe/Berlin",
            "America/New_York"};
    private static final String[] OPENS = {"08:00", "09:00", "09:30", "10:00"};
    private static final String[] CLOSES = {"18:00", "20:00", "21:00", "22:00", "00:00"};
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
            case OPENING_HOURS -> openingHours(random);
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

    /**
     * Most shops open on weekdays and Saturdays in the day; one in five keeps late hours across midnight;
     * Sundays vary; up to two closed dates in the weeks after the catalogue's creation.
     */
    private OpeningHoursState openingHours(SplittableRandom random) {
        Map<Weekday, List<Interval>> weekly = new EnumMap<>(Weekday.class);
        boolean late = random.nextInt(5) == 0;
        Interval weekday = late ? Interval.of("18:00", "02:00") : Interval.of(pick(random, OPENS), pick(random, CLOSES));
        for (Weekday day : Weekday.values()) {
            weekly.put(day, switch (day) {
                case SAT -> late ? List.of(Interval.of("17:00", "03:00")) : List.of(Interval.of("10:00", "18:00"));
                case SUN -> random.nextInt(3) == 0 ? List.of() : List.of(Interval.of("11:00", "17:00"));
                case WED -> random.nextInt(4) == 0 ? List.of(Interval.of("09:00", "12:00"), Interval.of("13:00", "19:00"))
                        : List.of(weekday);
                default -> List.of(weekday);
            });
        }
        LocalDate created = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
        TreeSet<LocalDate> closed = new TreeSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            closed.add(created.plusDays(random.nextInt(1, 60)));
        }
        return new OpeningHoursState(weekly, pick(random, TIME_ZONES), List.copyOf(closed));
    }

    private static long listPrice(SplittableRandom random) {
        // log-uniform from 1,000 to 300,000 KRW, in steps of 100
        return Math.round(Math.exp(random.nextDouble(Math.log(1_000), Math.log(300_000))) / 100) * 100;
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
