package com.storefront.display.reconciler.sync;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.data.cassandra.core.cql.CqlOperations;

import com.storefront.display.core.domain.Domain;

/**
 * The incremental-sync high-water marks in {@code sync_mark}: per domain, the source version up to which
 * every change of its incremental export is in the read model. In Cassandra, not in memory or a job's
 * context, so any instance and any later run continues from the last committed page.
 */
public final class SyncMarks {

    /** A sync partition's domain (source path), in its step execution context. */
    public static final String CONTEXT_DOMAIN = "sync.domain";
    /** The domain's mark as of the partition's last commit, in its step execution context, for the execution view. */
    public static final String CONTEXT_MARK = "sync.mark";

    private final CqlOperations cql;

    public SyncMarks(CqlOperations cql) {
        this.cql = cql;
    }

    /** Empty before a bulk load or a sync set one. */
    public OptionalLong mark(Domain domain) {
        List<Long> marks = cql.queryForList("SELECT mark FROM sync_mark WHERE domain = ?", Long.class, domain.sourcePath());
        return marks.isEmpty() || marks.get(0) == null ? OptionalLong.empty() : OptionalLong.of(marks.get(0));
    }

    /** The mark after a committed page: every change up to {@code mark} is written. */
    public void advance(Domain domain, long mark) {
        cql.execute("UPDATE sync_mark SET mark = ?, updated_at = ? WHERE domain = ?", mark, Instant.now(), domain.sourcePath());
    }

    /**
     * After a bulk load: the read model holds every change up to {@code mark} at least. Moves the mark
     * forward only; a sync that already got further keeps its mark.
     */
    public void atLeast(Domain domain, long mark) {
        OptionalLong current = mark(domain);
        if (current.isEmpty() || current.getAsLong() < mark) {
            advance(domain, mark);
        }
    }
}
