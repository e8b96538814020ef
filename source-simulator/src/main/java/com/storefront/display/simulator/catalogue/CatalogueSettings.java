package com.storefront.display.simulator.catalogue;

import java.time.Instant;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shape of a catalogue. Same settings, same catalogue.
 *
 * @param seed               everything random derives from it
 * @param shops              number of shops (ids 1..shops in one id block)
 * @param products           products in total at start
 * @param skew               Pareto shape of products per shop: smaller is more skewed (1.1: most shops
 *                           tens of products, a few tens of thousands)
 * @param maxProductsPerShop no shop starts with more
 * @param spareFraction      extra product ids per shop, not yet created, for products added later
 * @param createdAt          the version (as an instant) of every entity that has not changed since
 * @param idBlocks           the shops cut into this many blocks of consecutive shops; the ids of block
 *                           {@code b} (shop, product and coupon ids alike) are moved up by
 *                           {@code b} x {@value Catalogue#BLOCK_GAP}: 1 is the dense id space 1..n, 3 a
 *                           sparse one clustered in three far-apart blocks, as migrated systems have
 */
public record CatalogueSettings(@DefaultValue("42") long seed, @DefaultValue("2000") int shops,
                                @DefaultValue("200000") long products, @DefaultValue("1.1") double skew,
                                @DefaultValue("50000") int maxProductsPerShop, @DefaultValue("0.1") double spareFraction,
                                Instant createdAt, @DefaultValue("1") int idBlocks) {

    public static final Instant DEFAULT_CREATED_AT = Instant.parse("2026-01-01T00:00:00Z");

    public CatalogueSettings {
        if (shops < 1) {
            throw new IllegalArgumentException("shops must be at least 1, was " + shops);
        }
        if (products < 0) {
            throw new IllegalArgumentException("products must not be negative, was " + products);
        }
        if (skew <= 0) {
            throw new IllegalArgumentException("skew must be positive, was " + skew);
        }
        if (maxProductsPerShop < 1 || (long) maxProductsPerShop * shops < products) {
            throw new IllegalArgumentException(shops + " shops of at most " + maxProductsPerShop
                    + " products cannot hold " + products + " products");
        }
        if (spareFraction < 0 || spareFraction > 1) {
            throw new IllegalArgumentException("spareFraction must be 0..1, was " + spareFraction);
        }
        if (idBlocks < 1 || idBlocks > shops || idBlocks > Catalogue.MAX_BLOCKS) {
            throw new IllegalArgumentException("idBlocks must be 1.." + Math.min(shops, Catalogue.MAX_BLOCKS) + ", was " + idBlocks);
        }
        if (createdAt == null) {
            createdAt = DEFAULT_CREATED_AT;
        }
    }

    public static CatalogueSettings of(long seed, int shops, long products) {
        return new CatalogueSettings(seed, shops, products, 1.1, 50_000, 0.1, DEFAULT_CREATED_AT, 1);
    }

    /** The same catalogue with its ids in that many far-apart blocks. */
    public CatalogueSettings withIdBlocks(int blocks) {
        return new CatalogueSettings(seed, shops, products, skew, maxProductsPerShop, spareFraction, createdAt, blocks);
    }
}
