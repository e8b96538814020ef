package com.storefront.display.reconciler.backfill;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.SourceItem;

/** Backfills one shop: every chosen domain re-fetched from its source, to be written again as it is there. */
public class ShopRefetch implements ItemProcessor<Long, List<SourceItem>> {

    private final BlockingSourceApi source;
    private final List<Domain> domains;

    public ShopRefetch(BlockingSourceApi source, List<Domain> domains) {
        this.source = source;
        this.domains = domains;
    }

    @Override
    public List<SourceItem> process(Long shopId) {
        List<SourceItem> items = new ArrayList<>();
        for (Domain domain : domains) {
            items.addAll(source.listShop(domain, shopId).items());
        }
        return items;
    }
}
