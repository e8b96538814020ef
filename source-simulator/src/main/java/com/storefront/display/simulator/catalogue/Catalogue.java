package com.storefront.display.simulator.catalogue;

import java.util.Arrays;
import java.util.stream.LongStream;

import com.storefront.display.core.domain.Domain;

/**
 * The id layout of a deterministic catalogue, in O(shops) memory whatever the number of products.
 * Each domain's entities sit at positions 1..{@link #idCount}: shop positions are 1..shops, each shop owns
 * a contiguous block of product positions (its initial products, then spare ones for products created
 * later) and {@link #COUPON_SLOTS} coupon positions. An id is its position, moved up by
 * {@code b} x {@link #BLOCK_GAP} when its shop is in id block {@code b} of
 * {@link CatalogueSettings#idBlocks()}: one block is the dense id space, several a clustered, sparse one
 * in which every shop still owns a contiguous id range. Which entities exist at start is decided here,
 * from positions, so the same settings in any number of blocks hold the same catalogue; what the
 * entities contain is {@link StateGenerator}'s job.
 */
public final class Catalogue {

    public static final int COUPON_SLOTS = 4;
    /** How far apart the id blocks start. */
    public static final long BLOCK_GAP = 3_000_000_000L;
    public static final int MAX_BLOCKS = 1_000;
    private static final long SIZE = 1, COUPONS = 2, REVIEWED = 3, HOURS = 4;

    private final CatalogueSettings settings;
    /** productStart[i] is the first product position of shop i + 1; productStart[shops] is one past the last. */
    private final long[] productStart;
    private final int[] initialProducts;
    /** blockStart[b] is the index (from 0) of the first shop of id block b. */
    private final int[] blockStart;

    public Catalogue(CatalogueSettings settings) {
        this.settings = settings;
        this.initialProducts = ShopSizes.of(settings);
        this.productStart = new long[settings.shops() + 1];
        productStart[0] = 1;
        for (int i = 0; i < settings.shops(); i++) {
            int spare = (int) Math.ceil(initialProducts[i] * settings.spareFraction());
            productStart[i + 1] = productStart[i] + initialProducts[i] + Math.max(1, spare);
        }
        this.blockStart = new int[settings.idBlocks()];
        for (int b = 0; b < blockStart.length; b++) {
            blockStart[b] = (int) ((long) b * settings.shops() / blockStart.length);
        }
    }

    public CatalogueSettings settings() {
        return settings;
    }

    public int shops() {
        return settings.shops();
    }

    /** Every shop's id, ascending. */
    public LongStream shopIds() {
        return LongStream.rangeClosed(1, settings.shops()).map(position -> id(Domain.SHOP, position));
    }

    /** Products at start, without the spare ids. */
    public int initialProducts(long shopId) {
        return initialProducts[index(shopId)];
    }

    /** How many ids the domain has, existing or not: its positions run 1..idCount. */
    public long idCount(Domain domain) {
        return switch (domain) {
            case SHOP, REVIEW, OPENING_HOURS -> settings.shops();
            case PRODUCT, STOCK, PRICE -> productStart[settings.shops()] - 1;
            case COUPON -> (long) settings.shops() * COUPON_SLOTS;
        };
    }

    /** The id at a position 1..{@link #idCount} of the domain. */
    public long id(Domain domain, long position) {
        if (position < 1 || position > idCount(domain)) {
            throw new IllegalArgumentException("no " + domain.sourcePath() + " position " + position + " in 1.." + idCount(domain));
        }
        return position + blockAt(domain, position) * BLOCK_GAP;
    }

    /** The position of an id of the domain, or -1 when the id is not in its id space. */
    public long position(Domain domain, long id) {
        long block = (id - 1) / BLOCK_GAP;
        long position = id - block * BLOCK_GAP;
        if (id < 1 || block >= blockStart.length || position < firstPosition(domain, blockStart[(int) block])
                || position >= (block + 1 < blockStart.length ? firstPosition(domain, blockStart[(int) block + 1]) : idCount(domain) + 1)) {
            return -1;
        }
        return position;
    }

    /** The largest id the domain can have. */
    public long maxId(Domain domain) {
        return id(domain, idCount(domain));
    }

    /** The smallest id of the domain greater than {@code after}, or -1 when none is. */
    public long nextId(Domain domain, long after) {
        long low = 1, high = idCount(domain) + 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (id(domain, middle) > after) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low > idCount(domain) ? -1 : id(domain, low);
    }

    /** The shop an id of the domain belongs to; the id must be in the domain's id space. */
    public long shopOf(Domain domain, long id) {
        return id(Domain.SHOP, shopIndexAt(domain, requirePosition(domain, id)) + 1);
    }

    /** The ids a shop owns in the domain, inclusive, existing or not: a contiguous range. */
    public long[] idRange(Domain domain, long shopId) {
        int i = index(shopId);
        long offset = block(i) * BLOCK_GAP;
        return switch (domain) {
            case SHOP, REVIEW, OPENING_HOURS -> new long[] {shopId, shopId};
            case PRODUCT, STOCK, PRICE -> new long[] {productStart[i] + offset, productStart[i + 1] - 1 + offset};
            case COUPON -> new long[] {(long) i * COUPON_SLOTS + 1 + offset, (long) (i + 1) * COUPON_SLOTS + offset};
        };
    }

    /**
     * Whether the entity exists before any change. Stock and price exist with their product (this says
     * whether the product does).
     */
    public boolean initiallyExists(Domain domain, long id) {
        long position = requirePosition(domain, id);
        return switch (domain) {
            case SHOP -> true;
            case PRODUCT, STOCK, PRICE -> {
                int shop = shopIndexAt(domain, position);
                yield position - productStart[shop] < initialProducts[shop];
            }
            case COUPON -> (position - 1) % COUPON_SLOTS < initialCoupons((position - 1) / COUPON_SLOTS + 1);
            case REVIEW -> SeededHash.unit(SeededHash.of(settings.seed(), REVIEWED, position, 0)) <= 0.85;
            case OPENING_HOURS -> SeededHash.unit(SeededHash.of(settings.seed(), HOURS, position, 0)) <= 0.9;
        };
    }

    /** True when the id is in the domain's id space. */
    public boolean contains(Domain domain, long id) {
        return position(domain, id) > 0;
    }

    private int initialCoupons(long shopPosition) {
        double u = SeededHash.unit(SeededHash.of(settings.seed(), COUPONS, shopPosition, 0));
        return u <= 0.30 ? 0 : u <= 0.60 ? 1 : u <= 0.80 ? 2 : u <= 0.92 ? 3 : 4;
    }

    /** The index (from 0) of the shop that owns a position of the domain. */
    private int shopIndexAt(Domain domain, long position) {
        return switch (domain) {
            case SHOP, REVIEW, OPENING_HOURS -> (int) position - 1;
            case PRODUCT, STOCK, PRICE -> {
                int found = Arrays.binarySearch(productStart, position);
                yield found >= 0 ? found : -found - 2;
            }
            case COUPON -> (int) ((position - 1) / COUPON_SLOTS);
        };
    }

    /** The first position of the domain that the shop with that index (from 0) owns. */
    private long firstPosition(Domain domain, int shopIndex) {
        return switch (domain) {
            case SHOP, REVIEW, OPENING_HOURS -> shopIndex + 1;
            case PRODUCT, STOCK, PRICE -> productStart[shopIndex];
            case COUPON -> (long) shopIndex * COUPON_SLOTS + 1;
        };
    }

    /** The id block of a position of the domain: the last block whose first shop's first position is not after it. */
    private long blockAt(Domain domain, long position) {
        int low = 0, high = blockStart.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (firstPosition(domain, blockStart[middle]) <= position) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The id block of the shop with that index. */
    private long block(int shopIndex) {
        int found = Arrays.binarySearch(blockStart, shopIndex);
        // equal starts (more blocks than shops is refused) cannot occur, so the match is unique
        return found >= 0 ? found : -found - 2;
    }

    private int index(long shopId) {
        long position = position(Domain.SHOP, shopId);
        if (position < 0) {
            throw new IllegalArgumentException("no shop " + shopId + " in a catalogue of " + settings.shops());
        }
        return (int) position - 1;
    }

    private long requirePosition(Domain domain, long id) {
        long position = position(domain, id);
        if (position < 0) {
            throw new IllegalArgumentException("no " + domain.sourcePath() + " id " + id + " in the catalogue's "
                    + settings.idBlocks() + " id block(s) up to " + maxId(domain));
        }
        return position;
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
