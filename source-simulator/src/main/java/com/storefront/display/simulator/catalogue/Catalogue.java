package com.storefront.display.simulator.catalogue;

import java.util.Arrays;

import com.storefront.display.core.domain.Domain;

/**
 * The id layout of a deterministic catalogue, in O(shops) memory whatever the number of products.
 * Shop ids are 1..shops. Each shop owns a contiguous block of product ids: its initial products, then
 * spare ids for products created later. Each shop owns {@link #COUPON_SLOTS} coupon ids. Which entities
 * exist at start is decided here; what they contain is {@link StateGenerator}'s job.
 */
public final class Catalogue {

    public static final int COUPON_SLOTS = 4;
    private static final long SIZE = 1, COUPONS = 2, REVIEWED = 3;

    private final CatalogueSettings settings;
    /** productStart[i] is the first product id of shop i + 1; productStart[shops] is one past the last id. */
    private final long[] productStart;
    private final int[] initialProducts;

    public Catalogue(CatalogueSettings settings) {
        this.settings = settings;
        this.initialProducts = ShopSizes.of(settings);
        this.productStart = new long[settings.shops() + 1];
        productStart[0] = 1;
        for (int i = 0; i < settings.shops(); i++) {
            int spare = (int) Math.ceil(initialProducts[i] * settings.spareFraction());
            productStart[i + 1] = productStart[i] + initialProducts[i] + Math.max(1, spare);
        }
    }

    public CatalogueSettings settings() {
        return settings;
    }

    public int shops() {
        return settings.shops();
    }

    /** Products at start, without the spare ids. */
    public int initialProducts(long shopId) {
        return initialProducts[index(shopId)];
    }

    /** The largest id the domain can have; ids run from 1. */
    public long maxId(Domain domain) {
        return switch (domain) {
            case SHOP, REVIEW -> settings.shops();
            case PRODUCT, STOCK, PRICE -> productStart[settings.shops()] - 1;
            case COUPON -> (long) settings.shops() * COUPON_SLOTS;
        };
    }

    /** The shop an id of the domain belongs to; the id must be in 1..{@link #maxId}. */
    public long shopOf(Domain domain, long id) {
        requireId(domain, id);
        return switch (domain) {
            case SHOP, REVIEW -> id;
            case PRODUCT, STOCK, PRICE -> productShopIndex(id) + 1;
            case COUPON -> (id - 1) / COUPON_SLOTS + 1;
        };
    }

    /** The ids a shop owns in the domain, inclusive, existing or not. */
    public long[] idRange(Domain domain, long shopId) {
        int i = index(shopId);
        return switch (domain) {
            case SHOP, REVIEW -> new long[] {shopId, shopId};
            case PRODUCT, STOCK, PRICE -> new long[] {productStart[i], productStart[i + 1] - 1};
            case COUPON -> new long[] {(long) i * COUPON_SLOTS + 1, (long) (i + 1) * COUPON_SLOTS};
        };
    }

    /**
     * Whether the entity exists before any change. Stock and price exist with their product (this says
     * whether the product does).
     */
    public boolean initiallyExists(Domain domain, long id) {
        requireId(domain, id);
        return switch (domain) {
            case SHOP -> true;
            case PRODUCT, STOCK, PRICE -> {
                int shop = productShopIndex(id);
                yield id - productStart[shop] < initialProducts[shop];
            }
            case COUPON -> (id - 1) % COUPON_SLOTS < initialCoupons((id - 1) / COUPON_SLOTS + 1);
            case REVIEW -> SeededHash.unit(SeededHash.of(settings.seed(), REVIEWED, id, 0)) <= 0.85;
        };
    }

    /** True when the id is in the domain's id space. */
    public boolean contains(Domain domain, long id) {
        return id >= 1 && id <= maxId(domain);
    }

    private int initialCoupons(long shopId) {
        double u = SeededHash.unit(SeededHash.of(settings.seed(), COUPONS, shopId, 0));
        return u <= 0.30 ? 0 : u <= 0.60 ? 1 : u <= 0.80 ? 2 : u <= 0.92 ? 3 : 4;
    }

    private int productShopIndex(long productId) {
        int found = Arrays.binarySearch(productStart, productId);
        return found >= 0 ? found : -found - 2;
    }

    private int index(long shopId) {
        if (shopId < 1 || shopId > settings.shops()) {
            throw new IllegalArgumentException("no shop " + shopId + " in a catalogue of " + settings.shops());
        }
        return (int) shopId - 1;
    }

    private void requireId(Domain domain, long id) {
        if (!contains(domain, id)) {
            throw new IllegalArgumentException("no " + domain.sourcePath() + " id " + id + " in 1.." + maxId(domain));
        }
    }

    /** Products per shop: a Pareto draw per shop, capped, scaled to the exact total. */
    static final class ShopSizes {

        private ShopSizes() {
        }

        static int[] of(CatalogueSettings settings) {
            int shops = settings.shops();
            double[] weight = new double[shops];
            for (int i = 0; i < shops; i++) {
                weight[i] = Math.pow(SeededHash.unit(SeededHash.of(settings.seed(), SIZE, i + 1, 0)), -1.0 / settings.skew());
            }
            double scale = scaleUnderCap(weight, settings.products(), settings.maxProductsPerShop());
            int[] sizes = new int[shops];
            double cumulative = 0;
            long assigned = 0;
            for (int i = 0; i < shops; i++) {
                cumulative += Math.min(weight[i] * scale, settings.maxProductsPerShop());
                long upTo = i == shops - 1 ? settings.products() : Math.round(cumulative);
                sizes[i] = (int) (upTo - assigned);
                assigned = upTo;
            }
            return sizes;
        }

        /** The factor that makes the capped, scaled weights sum to the total. */
        private static double scaleUnderCap(double[] weight, long total, int cap) {
            double scale = 0;
            for (int round = 0; round < 64; round++) {
                double free = 0;
                long capped = 0;
                for (double w : weight) {
                    if (w * scale >= cap && scale > 0) {
                        capped++;
                    } else {
                        free += w;
                    }
                }
                double next = (total - (double) capped * cap) / free;
                if (next == scale) {
                    break;
                }
                scale = next;
            }
            return scale;
        }
    }
}
