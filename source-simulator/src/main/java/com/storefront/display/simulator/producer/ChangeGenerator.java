package com.storefront.display.simulator.producer;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.simulator.catalogue.Catalogue;
import com.storefront.display.simulator.truth.Change;
import com.storefront.display.simulator.truth.SourceOfTruth;

/**
 * Picks the next change the upstream domains make and applies it to the source of truth. Entities are
 * picked uniformly within their domain, so big shops get proportionally more events. A created product
 * is followed by a stock and a price change, as a real catalogue lists a product with its stock and price.
 */
final class ChangeGenerator {

    private static final int ATTEMPTS = 32;

    private final SourceOfTruth truth;
    private final Catalogue catalogue;
    private final SplittableRandom random;
    /** Changes an earlier change implied (a created product's stock and price), made before any other. */
    private final ArrayDeque<Pending> implied = new ArrayDeque<>();

    private record Pending(Domain domain, long id) {
    }

    ChangeGenerator(SourceOfTruth truth, long seed) {
        this.truth = truth;
        this.catalogue = truth.catalogue();
        this.random = new SplittableRandom(seed);
    }

    SplittableRandom random() {
        return random;
    }

    /** Applies one change of a domain picked by the mix (or one that an earlier change implied) and returns it. */
    Change next(ProducerSettings settings) {
        Pending pending = implied.poll();
        if (pending != null) {
            return truth.upsert(pending.domain(), pending.id());
        }
        Domain domain = settings.mix().pick(random);
        return switch (domain) {
            case SHOP, PRODUCT, COUPON, OPENING_HOURS -> createUpdateOrDelete(domain, settings.deletePercent());
            case STOCK, PRICE -> {
                long product = existingProduct();
                yield product > 0 ? truth.upsert(domain, product) : truth.upsert(Domain.PRODUCT, anyId(Domain.PRODUCT));
            }
            case REVIEW -> truth.upsert(domain, anyId(domain));
        };
    }

    private Change createUpdateOrDelete(Domain domain, double deletePercent) {
        long id = anyId(domain);
        boolean exists = truth.exists(domain, id);
        if (exists && random.nextDouble() * 100 < deletePercent) {
            return truth.delete(domain, id);
        }
        if (!exists && domain == Domain.PRODUCT) {
            // a product (re-)listed gets fresh stock and price records, newer than any earlier deletion
            implied.add(new Pending(Domain.STOCK, id));
            implied.add(new Pending(Domain.PRICE, id));
        }
        return truth.upsert(domain, id);
    }

    /** A product that exists now (stock and prices change only for those), or -1 when none turned up. */
    private long existingProduct() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long id = anyId(Domain.PRODUCT);
            if (truth.exists(Domain.PRODUCT, id)) {
                return id;
            }
        }
        return -1;
    }

    private long anyId(Domain domain) {
        return catalogue.id(domain, random.nextLong(catalogue.idCount(domain)) + 1);
    }
}
