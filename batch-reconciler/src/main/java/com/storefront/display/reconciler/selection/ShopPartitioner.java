package com.storefront.display.reconciler.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.reconciler.selection.IdRanges;
import com.storefront.display.core.source.BlockingSourceApi;

/**
 * Splits a shop selection into partitions: ranges of shop ids (all shops: 1 to the largest id the source
 * or the read model knows), or the listed ids dealt round-robin. Each partition's shops are in its
 * execution context ({@link ShopIdReader#FROM}/{@link ShopIdReader#TO} or {@link ShopIdReader#IDS}).
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
        if (selection instanceof ShopSelection.Range range) {
            ranges(range.from(), range.to(), gridSize, partitions);
        } else if (selection instanceof ShopSelection.Ids ids) {
            dealt(ids.ids(), gridSize, partitions);
        } else {
            long sourceMax = IdRanges.maxId(source, Domain.SHOP);
            long readModelMax = readModel.max();
            log.info("largest shop id: {} at the source, {} in the read model", sourceMax, readModelMax);
            ranges(1, Math.max(sourceMax, readModelMax), gridSize, partitions);
        }
        log.info("{} in {} partitions", selection, partitions.size());
        return partitions;
    }

    private static void ranges(long from, long to, int gridSize, Map<String, ExecutionContext> partitions) {
        for (IdRanges.Range range : IdRanges.split(to - from + 1, gridSize)) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(ShopIdReader.FROM, from + range.after());
            context.putLong(ShopIdReader.TO, from + range.to() - 1);
            partitions.put("shops:" + (from + range.after()) + "-" + (from + range.to() - 1), context);
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
            partitions.put("shops:list-" + i, context);
        }
    }
}
