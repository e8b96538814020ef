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
import com.storefront.display.reconciler.selection.ExportBoundaries;
import com.storefront.display.reconciler.selection.IdRanges;
import com.storefront.display.core.source.BlockingSourceApi;

/**
 * Partitions of about equal item counts for each chosen domain, whatever its id distribution: id ranges
 * cut from a sample of the domain's export ({@link ExportBoundaries}), not equal slices of the id space
 * (a few far-away ids would leave every item in one partition). Each partition's inputs are in its execution
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
            ExportBoundaries.Split split = ExportBoundaries.split(source, domain, gridSize);
            List<IdRanges.Range> ranges = split.ranges();
            log.info("bulk-load {}: about {} items up to id {} in {} partitions ({} sampling pages)", domain.sourcePath(),
                    Math.round(split.items()), ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).to(), ranges.size(), split.probes());
            for (int i = 0; i < ranges.size(); i++) {
                IdRanges.Range range = ranges.get(i);
                ExecutionContext context = new ExecutionContext();
                context.putString(SourceExportReader.DOMAIN, domain.sourcePath());
                context.putLong(SourceExportReader.AFTER, range.after());
                context.putLong(SourceExportReader.TO, range.to());
                // estimated items, known before any partition runs: an execution's progress has its whole total at once
                PartitionProgress.save(context, 0, Math.max(1, Math.round(split.counts().get(i))));
                partitions.put(domain.sourcePath() + ":" + range.after() + "-" + range.to(), context);
            }
        }
        return partitions;
    }
}
