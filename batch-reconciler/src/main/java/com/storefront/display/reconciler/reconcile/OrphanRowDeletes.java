package com.storefront.display.reconciler.reconcile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * rows.
 * <p>
 * A row is an orphan whole when no chosen domain lists it at the source and every domain that holds cells
 * in it is an orphan there. That includes rows that only domains without deletes of their own hold (stock
 * or prices for a product no source knows): their repair clears the domain's columns, which as a column
 * delete per row would leave one cell tombstone per row, never merged; as an orphan row it is deleted
 * with its neighbours.
 * <p>
 * A range covers only ids that neither the read model (read after the listing) nor the source (listed at
 * the snapshot) holds apart from its own orphans, and it is stamped with the snapshot time, as the row
 * deletes it replaces: a write newer than the snapshot, or a repair of a row the source listed, is
 * outside it. Ranges are cut only when the run listed every domain that has rows in the table; a run of
 * some domains cannot know the other domains' rows at the source, so it deletes row by row.
 * <p>
 * When the read of a table crossed many tombstones (Cassandra warned of them), the table's deletes are
 * consolidated: the ranges then cover every id between the rows kept, wherever row tombstones of the
 * stream, of a partial run or of a hand-made delete may lie. A range stamped with the snapshot shadows
 * every older row tombstone it covers, so reads stop counting them at once and a compaction drops them
 * without waiting for {@code gc_grace_seconds}. Between more than {@link #MOST_CONSOLIDATED_GAPS} kept
 * rows only the head and the tail are covered, so the ranges' own markers stay few.
 */
final class OrphanRowDeletes {

    /** The most gaps between kept rows that a consolidation covers one range each; beyond, head and tail only. */
    static final int MOST_CONSOLIDATED_GAPS = 64;

    private static final Map<DisplayTable, List<Domain>> ROW_DOMAINS = domainsAt(2);
    private static final Map<DisplayTable, List<Domain>> PARTITION_DOMAINS = domainsAt(1);

    private OrphanRowDeletes() {
    }

    /**
     * @param drifts     the shop's drift, each with its own repair
     * @param listed     the chosen domains' items at the source
     * @param stored     every domain's entities in the read model
     * @param domains    the chosen domains
     * @param tombstoned the tables whose read of the shop crossed many tombstones: their deletes are consolidated
     * @return the repairs to write: the drifts' repairs, with the orphan row deletes merged
     */
    static List<DisplayWrite> repairs(long shopId, List<Drift> drifts, Map<Domain, List<SourceItem>> listed,
                                      Map<Domain, Map<Long, StoredEntity>> stored, List<Domain> domains, long snapshotMicros,
                                      Set<DisplayTable> tombstoned) {
        Map<DisplayTable, TreeSet<Long>> deleted = new EnumMap<>(DisplayTable.class);
        Map<DisplayTable, Set<Long>> orphanRows = orphanRows(drifts, listed, stored, domains);
        List<DisplayWrite> repairs = new ArrayList<>(drifts.size());
        for (Drift drift : drifts) {
            DisplayWrite repair = drift.repair();
            if (isRowRemoval(repair, snapshotMicros) && orphanRows.get(repair.key().table()).contains(repair.key().values().get(1))) {
                deleted.computeIfAbsent(repair.key().table(), t -> new TreeSet<>()).add(repair.key().values().get(1));
            } else {
                repairs.add(repair);
            }
        }
        for (DisplayTable table : DisplayTable.values()) {
            TreeSet<Long> ids = deleted.getOrDefault(table, new TreeSet<>());
            if (tombstoned.contains(table) && coversEveryRowDomain(table, domains)) {
                repairs.addAll(consolidated(shopId, table, ids, occupied(table, listed, stored), snapshotMicros));
            } else if (!ids.isEmpty()) {
                repairs.addAll(merged(shopId, table, ids, occupied(table, listed, stored), snapshotMicros));
            }
        }
        return repairs;
    }

    private static boolean isRowRemoval(DisplayWrite repair, long snapshotMicros) {
        return (repair instanceof DisplayWrite.Delete || repair instanceof DisplayWrite.DeleteColumns)
                && repair.key().values().size() == 2 && repair.timestamp() == snapshotMicros;
    }

    /**
     * Per table, the rows the run may delete whole. Only when it listed every row domain of the table: a
     * row its own domain deletes (a product gone at its source), or one that no row domain lists and where
     * every row domain that holds cells has an orphan drift.
     */
    private static Map<DisplayTable, Set<Long>> orphanRows(List<Drift> drifts, Map<Domain, List<SourceItem>> listed,
                                                           Map<Domain, Map<Long, StoredEntity>> stored, List<Domain> domains) {
        Map<RowKey, Set<Domain>> orphanDomains = new HashMap<>();
        Set<RowKey> ownDeletes = new HashSet<>();
        for (Drift drift : drifts) {
            RowKey key = drift.repair().key();
            if (key.values().size() == 2 && drift.repair() instanceof DisplayWrite.Delete) {
                ownDeletes.add(key);
            } else if (key.values().size() == 2 && drift.kind() == DriftKind.ORPHAN) {
                orphanDomains.computeIfAbsent(key, k -> EnumSet.noneOf(Domain.class)).add(drift.domain());
            }
        }
        Map<DisplayTable, Set<Long>> rows = new EnumMap<>(DisplayTable.class);
        for (DisplayTable table : DisplayTable.values()) {
            Set<Long> ids = new HashSet<>();
            rows.put(table, ids);
            if (!coversEveryRowDomain(table, domains)) {
                continue;
            }
            ownDeletes.stream().filter(key -> key.table() == table).forEach(key -> ids.add(key.values().get(1)));
            Set<Long> listedIds = new HashSet<>();
            ROW_DOMAINS.get(table).forEach(domain -> listed.getOrDefault(domain, List.of()).forEach(item -> listedIds.add(item.id())));
            orphanDomains.forEach((key, orphaned) -> {
                long id = key.values().get(1);
                if (key.table() == table && !listedIds.contains(id) && ROW_DOMAINS.get(table).stream().allMatch(domain ->
                        orphaned.contains(domain) || !stored.getOrDefault(domain, Map.of()).containsKey(id))) {
                    ids.add(id);
                }
            });
        }
        return rows;
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
            return List.of(partition(shopId, table, snapshotMicros));
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

    /** Ranges over every id but the kept ones (see the class comment), the orphans among them. */
    private static List<DisplayWrite> consolidated(long shopId, DisplayTable table, TreeSet<Long> deleted, TreeSet<Long> occupied,
                                                   long snapshotMicros) {
        TreeSet<Long> kept = new TreeSet<>(occupied);
        kept.removeAll(deleted);
        if (kept.isEmpty()) {
            return List.of(PARTITION_DOMAINS.get(table).isEmpty() ? partition(shopId, table, snapshotMicros)
                    : range(shopId, table, Long.MIN_VALUE, Long.MAX_VALUE, snapshotMicros));
        }
        List<DisplayWrite> gaps = new ArrayList<>();
        long from = Long.MIN_VALUE;
        for (long id : kept) {
            if (id > from) {
                gaps.add(range(shopId, table, from, id - 1, snapshotMicros));
            }
            from = id + 1;
        }
        if (kept.last() < Long.MAX_VALUE) {
            gaps.add(range(shopId, table, kept.last() + 1, Long.MAX_VALUE, snapshotMicros));
        }
        if (gaps.size() <= MOST_CONSOLIDATED_GAPS + 1) {
            return gaps;
        }
        List<DisplayWrite> ends = new ArrayList<>(merged(shopId, table, deleted, occupied, snapshotMicros));
        if (kept.first() > Long.MIN_VALUE) {
            ends.add(range(shopId, table, Long.MIN_VALUE, kept.first() - 1, snapshotMicros));
        }
        ends.add(gaps.get(gaps.size() - 1));
        return ends;
    }

    private static DisplayWrite partition(long shopId, DisplayTable table, long snapshotMicros) {
        return new DisplayWrite.Delete(new RowKey(table, List.of(shopId)), snapshotMicros);
    }

    /** One row delete for a run of one, else one range delete. */
    private static DisplayWrite run(long shopId, DisplayTable table, long first, long last, long snapshotMicros) {
        RowKey from = new RowKey(table, List.of(shopId, first));
        return first == last ? new DisplayWrite.Delete(from, snapshotMicros) : new DisplayWrite.DeleteRange(from, last, snapshotMicros);
    }

    private static DisplayWrite range(long shopId, DisplayTable table, long first, long last, long snapshotMicros) {
        return new DisplayWrite.DeleteRange(new RowKey(table, List.of(shopId, first)), last, snapshotMicros);
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
