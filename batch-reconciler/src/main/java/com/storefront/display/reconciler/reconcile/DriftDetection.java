package com.storefront.display.reconciler.reconcile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.ColumnValue;
import com.storefront.display.core.write.DisplayWrite;

/**
 * Classifies how one domain of one shop drifted, comparing the source's items with what the read model
 * holds, and says how to repair each drift. A cell written after the source snapshot was taken is a
 * change in flight (the stream is ahead of the snapshot), never drift: it is left alone.
 */
public final class DriftDetection {

    private DriftDetection() {
    }

    /**
     * @param source         the domain's items for the shop, as listed at {@code snapshotMicros}
     * @param stored         the read model's entities of the domain in the shop, by entity id, read after the listing
     * @param snapshotMicros the time (epoch microseconds) just before the source was listed
     */
    public static List<Drift> compare(Domain domain, long shopId, List<SourceItem> source, Map<Long, StoredEntity> stored,
                                      long snapshotMicros) {
        Projection projection = Projections.of(domain);
        List<Drift> drifts = new ArrayList<>();
        Set<Long> listed = new HashSet<>();
        for (SourceItem item : source) {
            listed.add(item.id());
            StoredEntity held = stored.get(item.id());
            DisplayWrite.Upsert upsert = (DisplayWrite.Upsert) projection.upsert(item);
            if (held == null) {
                drifts.add(new Drift(domain, DriftKind.MISSING, shopId, item.id(), upsert, "source version " + item.version()));
            } else if (held.writeTime() < item.version()) {
                drifts.add(new Drift(domain, DriftKind.STALE, shopId, item.id(), upsert,
                        "read model version " + held.writeTime() + " < source version " + item.version()));
            } else if (held.writeTime() == item.version()) {
                String difference = difference(upsert.columns(), held.values());
                if (difference != null) {
                    // at an equal timestamp Cassandra keeps the greater value, so the repair must be newer by 1 us
                    drifts.add(new Drift(domain, DriftKind.MISMATCH, shopId, item.id(),
                            new DisplayWrite.Upsert(upsert.key(), upsert.columns(), item.version() + 1), difference));
                }
            }
        }
        for (Map.Entry<Long, StoredEntity> held : stored.entrySet()) {
            long id = held.getKey();
            if (!listed.contains(id) && held.getValue().writeTime() <= snapshotMicros) {
                drifts.add(new Drift(domain, DriftKind.ORPHAN, shopId, id, removal(projection, shopId, id, snapshotMicros),
                        "read model version " + held.getValue().writeTime() + ", not at the source"));
            }
        }
        return drifts;
    }

    /** The domain's own delete, or for domains that are never deleted on their own, clearing their columns. */
    private static DisplayWrite removal(Projection projection, long shopId, long id, long timestamp) {
        try {
            return projection.delete(shopId, id, timestamp);
        } catch (UnsupportedOperationException e) {
            return new DisplayWrite.DeleteColumns(projection.key(shopId, id), projection.columns(), timestamp);
        }
    }

    /** The first column whose stored value differs from the source's, described; null when all agree. */
    private static String difference(List<ColumnValue> expected, Map<String, Object> stored) {
        for (ColumnValue column : expected) {
            Object want = comparable(column.value());
            Object have = comparable(stored.get(column.column()));
            if (!Objects.equals(want, have)) {
                return column.column() + ": read model " + have + ", source " + want;
            }
        }
        return null;
    }

    /** Cassandra keeps timestamps to the millisecond and numbers as their column type. */
    private static Object comparable(Object value) {
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MILLIS);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
