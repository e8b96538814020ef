package com.storefront.display.reconciler.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.reconciler.progress.PartitionProgress;

/**
 * Splits a shop selection into partitions of equal work whatever the id distribution: the shops of a
 * range (all shops: any id) are enumerated once, here, from the source's shop export and the read
 * model's partition keys, and cut into ranges of equal shop count; listed ids are dealt round-robin.
 * Each partition's shops are in its execution context: its range ({@link ShopIdReader#FROM} and
 * {@link ShopIdReader#TO}, which together tile the selection, so a shop the source adds meanwhile still
 * falls into one) and the read model's shops in it that the source does not know
 * ({@link ShopIdReader#ORPHANS}), or the listed ids ({@link ShopIdReader#IDS}). A partition's reader
 * therefore lists only its own range at the source and never scans the read model.
 */
public class ShopPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(ShopPartitioner.class);

    private final ShopSelection selection;
    private final BlockingSourceApi source;
    private final ReadModelShopIds readModel;

    public ShopPartitioner(ShopSelection selection, BlockingSourceApi source, ReadModelShopIds readModel) {
        this.selection = selection;
        this.source = source;
        this.readModel = readModel;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        if (selection instanceof ShopSelection.Ids ids) {
            dealt(ids.ids(), gridSize, partitions);
        } else {
            long from = selection instanceof ShopSelection.Range range ? range.from() : 1;
            long to = selection instanceof ShopSelection.Range range ? range.to() : Long.MAX_VALUE;
            TreeSet<Long> atSource = new TreeSet<>();
            SourceShops.between(source, from, to, atSource::add);
            TreeSet<Long> orphans = readModel.between(from, to);
            orphans.removeAll(atSource);
            TreeSet<Long> all = new TreeSet<>(atSource);
            all.addAll(orphans);
            long[] shops = all.stream().mapToLong(Long::longValue).toArray();
            log.info("{}: {} shops at the source, {} more only in the read model", selection, atSource.size(), orphans.size());
            equalCounts(shops, orphans, from, to, gridSize, partitions);
        }
        log.info("{} in {} partitions", selection, partitions.size());
        return partitions;
    }

    /**
     * Consecutive slices of {@code shops} of equal size (one apart at most); slice i's range starts at its
     * first shop (the first at {@code from}) and ends just before the next slice's first (the last at
     * {@code to}).
     */
    static void equalCounts(long[] shops, TreeSet<Long> orphans, long from, long to, int gridSize,
                            Map<String, ExecutionContext> partitions) {
        int parts = (int) Math.min(gridSize, shops.length);
        for (int i = 0; i < parts; i++) {
            int first = (int) ((long) shops.length * i / parts);
            int end = (int) ((long) shops.length * (i + 1) / parts);
            long rangeFrom = i == 0 ? from : shops[first];
            long rangeTo = i == parts - 1 ? to : shops[end] - 1;
            ExecutionContext context = new ExecutionContext();
            context.putLong(ShopIdReader.FROM, rangeFrom);
            context.putLong(ShopIdReader.TO, rangeTo);
            long[] own = orphans.subSet(rangeFrom, true, rangeTo, true).stream().mapToLong(Long::longValue).toArray();
            if (own.length > 0) {
                context.putString(ShopIdReader.ORPHANS, IdRuns.format(own));
            }
            // known before any partition runs, so an execution's progress has its whole total at once
            PartitionProgress.save(context, 0, end - first);
            partitions.put("shops:" + rangeFrom + "-" + (rangeTo == Long.MAX_VALUE ? "" : rangeTo), context);
        }
    }

    private static void dealt(List<Long> ids, int gridSize, Map<String, ExecutionContext> partitions) {
        int parts = Math.min(gridSize, ids.size());
        List<List<Long>> dealt = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < ids.size(); i++) {
            dealt.get(i % parts).add(ids.get(i));
        }
        for (int i = 0; i < parts; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(ShopIdReader.IDS, dealt.get(i).stream().map(String::valueOf).collect(Collectors.joining(",")));
            PartitionProgress.save(context, 0, dealt.get(i).size());
            partitions.put("shops:list-" + i, context);
        }
    }
}
