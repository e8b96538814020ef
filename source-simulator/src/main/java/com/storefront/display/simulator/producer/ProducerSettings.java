package com.storefront.display.simulator.producer;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the event stream looks like.
 *
 * @param ratePerSecond      changes per second; 0 means as fast as the sink takes them
 * @param mix                relative weights of the domains
 * @param thinProductEvents  share (0..1) of product changes published as zero-payload {@code ProductChanged}
 * @param productSchemaV2    share (0..1) of {@code ProductUpserted} written in schema v2
 * @param deletePercent      percent of shop, product and coupon changes that delete the entity
 */
public record ProducerSettings(@DefaultValue("100") int ratePerSecond, @DefaultValue DomainMix mix,
                               @DefaultValue("0") double thinProductEvents, @DefaultValue("0") double productSchemaV2,
                               @DefaultValue("2") double deletePercent) {

    public static final ProducerSettings DEFAULT = new ProducerSettings(100, DomainMix.STORE, 0.0, 0.0, 2.0);

    public ProducerSettings {
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("ratePerSecond must not be negative, was " + ratePerSecond);
        }
        if (mix == null) {
            mix = DomainMix.STORE;
        }
        requireShare(thinProductEvents, "thinProductEvents");
        requireShare(productSchemaV2, "productSchemaV2");
        if (deletePercent < 0 || deletePercent > 100) {
            throw new IllegalArgumentException("deletePercent must be 0..100, was " + deletePercent);
        }
    }

    public ProducerSettings withRate(int rate) {
        return new ProducerSettings(rate, mix, thinProductEvents, productSchemaV2, deletePercent);
    }

    public ProducerSettings withMix(DomainMix newMix) {
        return new ProducerSettings(ratePerSecond, newMix, thinProductEvents, productSchemaV2, deletePercent);
    }

    private static void requireShare(double share, String name) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException(name + " must be 0..1, was " + share);
        }
    }
}
