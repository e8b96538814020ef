package com.storefront.display.reconciler.sync;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceChange;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourceTombstone;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;

/**
 * Writes a chunk of one domain's changes through its projection, stamped with their source versions (a
 * change older than the read model's cell changes nothing; a newer streamed change is never clobbered),
 * waits for Cassandra, then commits the chunk's last version as the domain's mark: changes come in
 * version order, so every change up to it is written. A tombstone of a domain without deletes (stock,
 * price: they go with their product's row) has nothing to write.
 */
final class SyncWriter implements ItemWriter<SourceChange> {

    private final DisplayWriter writer;
    private final SyncMarks marks;
    private final SyncLag lag;
    private final int maxInFlight;

    SyncWriter(DisplayWriter writer, SyncMarks marks, SyncLag lag, int maxInFlight) {
        this.writer = writer;
        this.marks = marks;
        this.lag = lag;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void write(Chunk<? extends SourceChange> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        Domain domain = chunk.getItems().get(0).domain();
        Projection projection = Projections.of(domain);
        List<DisplayWrite> writes = new ArrayList<>(chunk.size());
        long mark = Long.MIN_VALUE;
        for (SourceChange change : chunk) {
            if (change.domain() != domain) {
                throw new IllegalStateException("a sync chunk mixes " + domain + " and " + change.domain());
            }
            DisplayWrite write = write(projection, change);
            if (write != null) {
                writes.add(write);
            }
            mark = Math.max(mark, change.version());
        }
        writer.writeAllAndWait(writes, maxInFlight);
        marks.advance(domain, mark);
        lag.marked(domain, mark);
    }

    private static DisplayWrite write(Projection projection, SourceChange change) {
        if (change instanceof SourceItem item) {
            return projection.upsert(item);
        }
        SourceTombstone gone = (SourceTombstone) change;
        try {
            return projection.delete(gone.shopId(), gone.id(), gone.version());
        } catch (UnsupportedOperationException noDeletes) {
            return null;
        }
    }
}
