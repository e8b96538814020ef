package com.storefront.display.reconciler.bulkload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.reconciler.progress.PartitionProgress;
import com.storefront.display.reconciler.selection.IdRanges;
import com.storefront.display.core.source.BlockingSourceApi;

/**
 * One partition per id range of each chosen domain. Each partition's inputs are in its execution
 * context ({@link SourceExportReader#DOMAIN}, {@link SourceExportReader#AFTER},
 * {@link SourceExportReader#TO}), so a remote worker could run it as well as a local thread.
 */
class DomainRangePartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(DomainRangePartitioner.class);

    private final BlockingSourceApi source;
    private final List<Domain> domains;

    DomainRangePartitioner(BlockingSourceApi source, List<Domain> domains) {
        this.source = source;
        this.domains = domains;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Domain domain : domains) {
            long max = IdRanges.maxId(source, domain);
            List<IdRanges.Range> ranges = IdRanges.split(max, gridSize);
            log.info("bulk-load {}: ids 1..{} in {} partitions", domain.sourcePath(), max, ranges.size());
            for (IdRanges.Range range : ranges) {
                ExecutionContext context = new ExecutionContext();
                context.putString(SourceExportReader.DOMAIN, domain.sourcePath());
                context.putLong(SourceExportReader.AFTER, range.after());
                context.putLong(SourceExportReader.TO, range.to());
                // known before any partition runs, so an execution's progress has its whole total at once
                PartitionProgress.save(context, 0, range.span());
                partitions.put(domain.sourcePath() + ":" + range.after() + "-" + range.to(), context);
            }
        }
        return partitions;
    }
}
