package com.storefront.display.reconciler.reconcile;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.reconciler.source.SourceApi;

/** Backfills one shop: every chosen domain re-fetched from its source, to be written again as it is there. */
public class ShopRefetch implements ItemProcessor<Long, ShopOutcome> {

    private final SourceApi source;
    private final List<Domain> domains;

    public ShopRefetch(SourceApi source, List<Domain> domains) {
        this.source = source;
        this.domains = domains;
    }

    @Override
    public ShopOutcome process(Long shopId) {
        List<SourceItem> items = new ArrayList<>();
        for (Domain domain : domains) {
            items.addAll(source.listShop(domain, shopId).items());
        }
        return new ShopOutcome(shopId, List.of(), items);
    }
}
