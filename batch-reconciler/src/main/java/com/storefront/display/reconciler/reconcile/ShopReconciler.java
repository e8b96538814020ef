package com.storefront.display.reconciler.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;
import com.storefront.display.reconciler.reconcile.ReconcilePhases.Phase;

/**
 * Reconciles one shop: lists every chosen domain at its source (the listings in flight together), then reads the shop's read-model
 * partitions with write times (in that order, so that anything written after the listing shows as in
 * flight), and classifies the drift of each domain. Orphan rows are deleted by range ({@link OrphanRowDeletes}).
 */
public class ShopReconciler implements ItemProcessor<Long, ShopDrift> {

    private final BlockingSourceApi source;
    private final ReadModelShop readModel;
    private final List<Domain> domains;
    private final ReconcilePhases phases;

    public ShopReconciler(BlockingSourceApi source, ReadModelShop readModel, List<Domain> domains, ReconcilePhases phases) {
        this.source = source;
        this.readModel = readModel;
        this.domains = domains;
        this.phases = phases;
    }

    @Override
    public ShopDrift process(Long shopId) {
        long snapshot = SourceVersions.of(Instant.now());
        Map<Domain, List<SourceItem>> listed = new EnumMap<>(Domain.class);
        phases.time(Phase.SOURCE_LISTING, () -> source.listShop(domains, shopId).forEach((domain, page) -> listed.put(domain, page.items())));
        ReadModelShop.Contents contents = phases.time(Phase.READ_MODEL_READ, () -> readModel.read(shopId));
        Map<Domain, Map<Long, StoredEntity>> stored = contents.entities();
        return phases.time(Phase.COMPARISON, () -> {
            List<Drift> drifts = new ArrayList<>();
            for (Domain domain : domains) {
                drifts.addAll(DriftDetection.compare(domain, shopId, listed.get(domain), stored.get(domain), snapshot));
            }
            List<Drift> found = withoutRowsDeletedWhole(drifts);
            return new ShopDrift(shopId, found, OrphanRowDeletes.repairs(shopId, found, listed, stored, domains, snapshot,
                    contents.tombstoned()));
        });
    }

    /**
     * An orphan row that is deleted whole (a product gone at its source) takes the other domains' cells
     * with it: those are one drift, the row's, not one per domain.
     */
    private static List<Drift> withoutRowsDeletedWhole(List<Drift> drifts) {
        Set<RowKey> deletedRows = new HashSet<>();
        for (Drift drift : drifts) {
            if (drift.repair() instanceof DisplayWrite.Delete delete && delete.key().values().size() == 2) {
                deletedRows.add(delete.key());
            }
        }
        if (deletedRows.isEmpty()) {
            return drifts;
        }
        return drifts.stream().filter(d -> d.repair() instanceof DisplayWrite.Delete || d.kind() != DriftKind.ORPHAN
                || !deletedRows.contains(d.repair().key())).toList();
    }
}
