package com.storefront.display.simulator.producer;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.boot.context.properties.bind.DefaultValue;

import com.storefront.display.core.domain.Domain;

/**
 * Relative weights of the domains in the event stream. The default is stock-heavy, like a real store:
 * stock moves with every order, prices and products less, shops rarely.
 */
public record DomainMix(@DefaultValue("2") int shop, @DefaultValue("15") int product, @DefaultValue("55") int stock,
                        @DefaultValue("15") int price, @DefaultValue("5") int coupon, @DefaultValue("8") int review) {

    public static final DomainMix STORE = new DomainMix(2, 15, 55, 15, 5, 8);

    public DomainMix {
        int[] all = {shop, product, stock, price, coupon, review};
        int sum = 0;
        for (int weight : all) {
            if (weight < 0) {
                throw new IllegalArgumentException("domain weights must not be negative: " + this);
            }
            sum += weight;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("at least one domain needs a positive weight");
        }
    }

    /** Only the given domain. */
    public static DomainMix only(Domain domain) {
        Map<Domain, Integer> weights = new EnumMap<>(Domain.class);
        weights.put(domain, 1);
        return new DomainMix(weights.getOrDefault(Domain.SHOP, 0), weights.getOrDefault(Domain.PRODUCT, 0),
                weights.getOrDefault(Domain.STOCK, 0), weights.getOrDefault(Domain.PRICE, 0),
                weights.getOrDefault(Domain.COUPON, 0), weights.getOrDefault(Domain.REVIEW, 0));
    }

    public int weight(Domain domain) {
        return switch (domain) {
            case SHOP -> shop;
            case PRODUCT -> product;
            case STOCK -> stock;
            case PRICE -> price;
            case COUPON -> coupon;
            case REVIEW -> review;
        };
    }

    Domain pick(SplittableRandom random) {
        int total = shop + product + stock + price + coupon + review;
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
