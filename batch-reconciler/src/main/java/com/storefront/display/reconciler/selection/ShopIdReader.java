package com.storefront.display.reconciler.selection;

import java.util.Arrays;
import java.util.TreeSet;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.reconciler.progress.PartitionProgress;
import com.storefront.display.core.source.BlockingSourceApi;

/**
 * The shops of one partition, ascending: the listed ids, or every shop in the id range that the source
 * or the read model knows. Restartable: the last shop of the last committed chunk is kept under
 * {@link #CURSOR}, and a restart goes on after it.
 */
public class ShopIdReader implements ItemStreamReader<Long> {

    static final String FROM = "shops.from";
    static final String TO = "shops.to";
    static final String IDS = "shops.ids";
    static final String CURSOR = "shops.cursor";

    private final BlockingSourceApi source;
    private final ReadModelShopIds readModel;
    private long[] shops;
    private int next;
    private long lastRead;

    public ShopIdReader(BlockingSourceApi source, ReadModelShopIds readModel) {
        this.source = source;
        this.readModel = readModel;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(IDS)) {
            shops = Arrays.stream(context.getString(IDS).split(",")).mapToLong(Long::parseLong).sorted().toArray();
        } else {
            long from = context.getLong(FROM);
            long to = context.getLong(TO);
            TreeSet<Long> ids = readModel.between(from, to);
            addSourceShops(from, to, ids);
            shops = ids.stream().mapToLong(Long::longValue).toArray();
        }
        lastRead = context.getLong(CURSOR, 0L);
        next = 0;
        while (next < shops.length && shops[next] <= lastRead) {
            next++;
        }
    }

    private void addSourceShops(long from, long to, TreeSet<Long> ids) {
        long after = from - 1;
        while (after < to) {
            SourcePage page = source.export(Domain.SHOP, after, 1_000);
            for (SourceItem shop : page.items()) {
                if (shop.id() > to) {
                    return;
                }
                ids.add(shop.id());
            }
            if (page.next() == null || page.items().isEmpty()) {
                return;
            }
            after = page.next();
        }
    }

    @Override
    public Long read() {
        if (next >= shops.length) {
            return null;
        }
        lastRead = shops[next++];
        return lastRead;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(CURSOR, lastRead);
        PartitionProgress.save(context, next, shops.length);
    }
}
