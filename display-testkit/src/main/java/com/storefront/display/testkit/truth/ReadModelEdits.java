package com.storefront.display.testkit.truth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainState;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.core.write.DisplayTable;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.simulator.truth.SourceOfTruth;

/**
 * Changes made to the read model behind the source's back, as drift arises in production (a hand edit,
 * a lost table, a foreign writer): each written through the domain's projection, so a test says what
 * changed, not which cells and timestamps that takes.
 */
public final class ReadModelEdits {

    private final SourceOfTruth truth;
    private final DisplayWriter writer;
    private final CqlSession session;

    public ReadModelEdits(SourceOfTruth truth, DisplayWriter writer, CqlSession session) {
        this.truth = truth;
        this.writer = writer;
        this.session = session;
    }

    /**
     * Writes another state for an entity the source has, at the source's own version: the read model
     * then holds a value the source never had, written no earlier than the source's (a mismatch).
     */
    public void mismatch(Domain domain, long entityId, DomainState other) {
        SourceItem item = truth.find(domain, entityId)
                .orElseThrow(() -> new IllegalArgumentException("the source has no " + domain + " " + entityId));
        write(new SourceItem(domain, entityId, item.shopId(), item.version(), other));
    }

    /** Writes an entity the source does not have (an orphan), as of {@code secondsAgo} seconds ago. */
    public void orphan(Domain domain, long shopId, long entityId, DomainState state, long secondsAgo) {
        orphans(domain, shopId, entityId, 1, state, secondsAgo);
    }

    /**
     * Writes {@code count} entities the source does not have into one shop, ids from {@code firstId} on, as
     * of {@code secondsAgo} seconds ago: a delisting at the source whose events were lost.
     */
    public void orphans(Domain domain, long shopId, long firstId, int count, DomainState state, long secondsAgo) {
        Set<Long> listed = new HashSet<>();
        truth.listShop(domain, shopId).forEach(item -> listed.add(item.id()));
        long version = SourceVersions.of(Instant.now().minusSeconds(secondsAgo));
        List<DisplayWrite> writes = new ArrayList<>(count);
        for (long id = firstId; id < firstId + count; id++) {
            if (listed.contains(id)) {
                throw new IllegalArgumentException("the source has " + domain + " " + id + ": it would not be an orphan");
            }
            writes.add(Projections.of(domain).upsert(new SourceItem(domain, id, shopId, version, state)));
        }
        writer.writeAllAndWait(writes, 64);
    }

    /** Loses a whole table, as a restore from an old snapshot or a dropped keyspace would. */
    public void lose(DisplayTable table) {
        session.execute("TRUNCATE " + table.cqlName());
    }

    private void write(SourceItem item) {
        writer.writeAllAndWait(List.of(Projections.of(item.domain()).upsert(item)), 1);
    }
}
