package com.storefront.display.reconciler.selection;

import java.util.Arrays;
import java.util.TreeSet;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.storefront.display.reconciler.progress.PartitionProgress;
import com.storefront.display.core.source.BlockingSourceApi;

/**
 * The shops of one partition, ascending: the listed ids, or every shop in the id range that the source
 * exports plus the read model's shops of the range the source does not know (found once, by
 * {@link ShopPartitioner}). Restartable: the last shop of the last committed chunk is kept under
 * {@link #CURSOR}, and a restart goes on after it.
 */
public class ShopIdReader implements ItemStreamReader<Long> {

    static final String FROM = "shops.from";
    static final String TO = "shops.to";
    static final String IDS = "shops.ids";
    static final String ORPHANS = "shops.orphans";
    static final String CURSOR = "shops.cursor";

    private final BlockingSourceApi source;
    private long[] shops;
    private int next;
    private long lastRead;

    public ShopIdReader(BlockingSourceApi source) {
        this.source = source;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(IDS)) {
            shops = Arrays.stream(context.getString(IDS).split(",")).mapToLong(Long::parseLong).sorted().toArray();
        } else {
            long from = context.getLong(FROM);
            long to = context.getLong(TO);
            TreeSet<Long> ids = new TreeSet<>();
            SourceShops.between(source, from, to, ids::add);
            for (long orphan : IdRuns.parse(context.containsKey(ORPHANS) ? context.getString(ORPHANS) : null)) {
                ids.add(orphan);
            }
            shops = ids.stream().mapToLong(Long::longValue).toArray();
        }
        lastRead = context.getLong(CURSOR, 0L);
        next = 0;
        while (next < shops.length && shops[next] <= lastRead) {
            next++;
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
