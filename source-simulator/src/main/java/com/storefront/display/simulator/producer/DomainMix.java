package com.storefront.display.simulator.producer;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.storefront.display.core.domain.Domain;

/**
 * Relative weights of the domains in the stream of changes. The default is stock-heavy, like a real store:
 * stock moves with every order, prices and products less, shops rarely. A change of a domain without
 * events ({@code openingHours}) is made at its source only: no event tells it. Its weight is 0 unless set
 * (the packaged simulator sets 1), so a stream-only test's truth is what the events tell.
 */
public record DomainMix(int shop, int product, int stock, int price, int coupon, int review, int openingHours) {

    /** The evented domains' changes only: what a stream-only test can expect ingest to converge on. */
    public static final DomainMix STORE = new DomainMix(2, 15, 55, 15, 5, 8);

    @ConstructorBinding
    public DomainMix(@DefaultValue("2") int shop, @DefaultValue("15") int product, @DefaultValue("55") int stock,
                     @DefaultValue("15") int price, @DefaultValue("5") int coupon, @DefaultValue("8") int review,
                     @DefaultValue("0") int openingHours) {
        this.shop = shop;
        this.product = product;
        this.stock = stock;
        this.price = price;
        this.coupon = coupon;
        this.review = review;
        this.openingHours = openingHours;
        int[] all = {shop, product, stock, price, coupon, review, openingHours};
        if (Arrays.stream(all).anyMatch(weight -> weight < 0)) {
            throw new IllegalArgumentException("domain weights must not be negative: " + this);
        }
        if (Arrays.stream(all).sum() == 0) {
            throw new IllegalArgumentException("at least one domain needs a positive weight");
        }
    }

    /** The evented domains' weights, opening hours unchanged. */
    public DomainMix(int shop, int product, int stock, int price, int coupon, int review) {
        this(shop, product, stock, price, coupon, review, 0);
    }

    /** Only the given domain. */
    public static DomainMix only(Domain domain) {
        return weighted(each -> each == domain ? 1 : 0);
    }

    /** This mix with one domain's weight replaced. */
    public DomainMix with(Domain domain, int weight) {
        return weighted(each -> each == domain ? weight : weight(each));
    }

    private static DomainMix weighted(ToIntFunction<Domain> weightOf) {
        Map<Domain, Integer> weights = new EnumMap<>(Domain.class);
        for (Domain each : Domain.values()) {
            weights.put(each, weightOf.applyAsInt(each));
        }
        return new DomainMix(weights.get(Domain.SHOP), weights.get(Domain.PRODUCT), weights.get(Domain.STOCK),
                weights.get(Domain.PRICE), weights.get(Domain.COUPON), weights.get(Domain.REVIEW),
                weights.get(Domain.OPENING_HOURS));
    }

    public int weight(Domain domain) {
        return switch (domain) {
            case SHOP -> shop;
            case PRODUCT -> product;
            case STOCK -> stock;
            case PRICE -> price;
            case COUPON -> coupon;
            case REVIEW -> review;
            case OPENING_HOURS -> openingHours;
        };
    }

    Domain pick(SplittableRandom random) {
        int total = shop + product + stock + price + coupon + review + openingHours;
        int ticket = random.nextInt(total);
        for (Domain domain : Domain.values()) {
            ticket -= weight(domain);
            if (ticket < 0) {
                return domain;
            }
        }
        throw new IllegalStateException("unreachable: weights sum to " + total);
    }
}
