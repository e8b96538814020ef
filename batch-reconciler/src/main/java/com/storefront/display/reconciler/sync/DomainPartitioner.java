package com.storefront.display.reconciler.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.storefront.display.core.domain.Domain;

/** One partition per domain to sync: a domain's changes are applied in version order, by one reader. */
class DomainPartitioner implements Partitioner {

    private final List<Domain> domains;

    DomainPartitioner(List<Domain> domains) {
        this.domains = domains;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Domain domain : domains) {
            ExecutionContext context = new ExecutionContext();
            context.putString(SyncMarks.CONTEXT_DOMAIN, domain.sourcePath());
            partitions.put(domain.sourcePath(), context);
        }
        return partitions;
    }
}
