package com.storefront.display.reconciler.selection;

import java.util.function.LongConsumer;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;

/** The shop ids the source knows in a range, from its shop export, a page at a time. */
final class SourceShops {

    private static final int PAGE = 1_000;

    private SourceShops() {
    }

    /** Calls {@code shop} with every shop id the source exports in {@code from..to}, inclusive, ascending. */
    static void between(BlockingSourceApi source, long from, long to, LongConsumer shop) {
        long after = from - 1;
        while (after < to) {
            SourcePage page = source.export(Domain.SHOP, after, PAGE);
            for (SourceItem item : page.items()) {
                if (item.id() > to) {
                    return;
                }
                shop.accept(item.id());
            }
            if (page.next() == null || page.items().isEmpty()) {
                return;
            }
            after = page.next();
        }
    }
}
