package com.storefront.display.reconciler.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayTable;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/**
 * A shop's repairs with its orphan rows deleted in as few tombstones as keep every other row: each run
 * of orphan rows that are neighbours in clustering order becomes one range delete, and a table partition
 * whose rows are all orphans (a shop the sources no longer know) one partition delete. A row tombstone
 * per row would leave a large delisting as that many tombstones, which every later read of the shop walks
 * (Cassandra aborts a read after 100,000 of them): a page read of the shop, the next run's read of its
 * rows, the next enumeration of shops.
 * <p>
 * A range covers only ids that neither the read model (read after the listing) nor the source (listed at
 * the snapshot) holds apart from its own orphans, and it is stamped with the snapshot time, as the row
 * deletes it replaces: a write newer than the snapshot, or a repair of a row the source listed, is
 * outside it. Ranges are cut only when the run listed every domain that has rows in the table; a run of
 * some domains cannot know the other domains' rows at the source, so it deletes row by row.
 */
final class OrphanRowDeletes {

    private static final Map<DisplayTable, List<Domain>> ROW_DOMAINS = domainsAt(2);
    private static final Map<DisplayTable, List<Domain>> PARTITION_DOMAINS = domainsAt(1);

    private OrphanRowDeletes() {
    }

    /**
     * @param drifts   the shop's drift, each with its own repair
     * @param listed   the chosen domains' items at the source
     * @param stored   every domain's entities in the read model
     * @param domains  the chosen domains
     * @return the repairs to write: the drifts' repairs, with the orphan row deletes merged
     */
    static List<DisplayWrite> repairs(long shopId, List<Drift> drifts, Map<Domain, List<SourceItem>> listed,
                                      Map<Domain, Map<Long, StoredEntity>> stored, List<Domain> domains, long snapshotMicros) {
        Map<DisplayTable, TreeSet<Long>> deleted = new EnumMap<>(DisplayTable.class);
        List<DisplayWrite> repairs = new ArrayList<>(drifts.size());
        for (Drift drift : drifts) {
            DisplayWrite repair = drift.repair();
            if (repair instanceof DisplayWrite.Delete delete && delete.key().values().size() == 2
                    && delete.timestamp() == snapshotMicros && coversEveryRowDomain(delete.key().table(), domains)) {
                deleted.computeIfAbsent(delete.key().table(), t -> new TreeSet<>()).add(delete.key().values().get(1));
            } else {
                repairs.add(repair);
            }
        }
        deleted.forEach((table, ids) -> repairs.addAll(merged(shopId, table, ids, occupied(table, listed, stored), snapshotMicros)));
        return repairs;
    }

    /** Every clustering id of the table that the read model or the source holds, in any domain. */
    private static TreeSet<Long> occupied(DisplayTable table, Map<Domain, List<SourceItem>> listed,
                                          Map<Domain, Map<Long, StoredEntity>> stored) {
        TreeSet<Long> ids = new TreeSet<>();
        for (Domain domain : ROW_DOMAINS.get(table)) {
            ids.addAll(stored.getOrDefault(domain, Map.of()).keySet());
            listed.getOrDefault(domain, List.of()).forEach(item -> ids.add(item.id()));
        }
        return ids;
    }

    private static List<DisplayWrite> merged(long shopId, DisplayTable table, TreeSet<Long> deleted, TreeSet<Long> occupied,
                                             long snapshotMicros) {
        if (deleted.size() == occupied.size() && PARTITION_DOMAINS.get(table).isEmpty()) {
            return List.of(new DisplayWrite.Delete(new RowKey(table, List.of(shopId)), snapshotMicros));
        }
        List<DisplayWrite> writes = new ArrayList<>();
        Long first = null;
        Long last = null;
        for (long id : occupied) {
            if (deleted.contains(id)) {
                first = first == null ? id : first;
                last = id;
            } else if (first != null) {
                writes.add(run(shopId, table, first, last, snapshotMicros));
                first = null;
            }
        }
        if (first != null) {
            writes.add(run(shopId, table, first, last, snapshotMicros));
        }
        return writes;
    }

    /** One row delete for a run of one, else one range delete. */
    private static DisplayWrite run(long shopId, DisplayTable table, long first, long last, long snapshotMicros) {
        RowKey from = new RowKey(table, List.of(shopId, first));
        return first == last ? new DisplayWrite.Delete(from, snapshotMicros) : new DisplayWrite.DeleteRange(from, last, snapshotMicros);
    }

    private static boolean coversEveryRowDomain(DisplayTable table, List<Domain> domains) {
        return domains.containsAll(ROW_DOMAINS.get(table));
    }

    /** The domains of the table at the given key depth: 2 for a row per entity, 1 for static columns (one per shop). */
    private static Map<DisplayTable, List<Domain>> domainsAt(int depth) {
        Map<DisplayTable, List<Domain>> byTable = new EnumMap<>(DisplayTable.class);
        for (DisplayTable table : DisplayTable.values()) {
            byTable.put(table, Arrays.stream(Domain.values()).filter(d -> {
                RowKey key = Projections.of(d).key(1, 1);
                return key.table() == table && key.values().size() == depth;
            }).toList());
        }
        return byTable;
    }
}
