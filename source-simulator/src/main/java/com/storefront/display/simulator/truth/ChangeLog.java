package com.storefront.display.simulator.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One domain's changes since start, for the incremental export: each changed entity once, at the version
 * of its latest change (an entity's earlier entry goes when it changes again), so it holds at most one
 * entry per changed entity. Written under the truth's change lock, read without one.
 */
final class ChangeLog {

    private final ConcurrentSkipListMap<Long, Long> idByVersion = new ConcurrentSkipListMap<>();
    private final Map<Long, Long> versionById = new ConcurrentHashMap<>();

    /** Records that the entity changed at {@code version}, newer than every version recorded before. */
    void record(long id, long version) {
        Long previous = versionById.put(id, version);
        if (previous != null) {
            idByVersion.remove(previous, id);
        }
        idByVersion.put(version, id);
    }

    /** True while {@code version} is the entity's latest change: false once it changed again. */
    boolean isLatest(long id, long version) {
        Long latest = versionById.get(id);
        return latest != null && latest == version;
    }

    /** Up to {@code limit} entries with versions in ({@code since}, {@code upTo}], ascending: {@code [version, id]}. */
    List<long[]> after(long since, long upTo, int limit) {
        List<long[]> entries = new ArrayList<>(Math.min(limit, 1024));
        if (since >= upTo) {
            return entries;
        }
        for (Map.Entry<Long, Long> entry : idByVersion.subMap(since, false, upTo, true).entrySet()) {
            if (entries.size() == limit) {
                break;
            }
            entries.add(new long[] {entry.getKey(), entry.getValue()});
        }
        return entries;
    }
}
