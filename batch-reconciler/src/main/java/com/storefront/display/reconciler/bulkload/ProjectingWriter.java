package com.storefront.display.reconciler.bulkload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;

/**
 * Writes source items through their domain's projection, stamped with their source versions, and
 * returns when Cassandra acknowledged all of them: the chunk (and its cursor) commits only after that.
 * Writing a chunk again after a restart changes nothing (same values, same timestamps).
 */
public final class ProjectingWriter implements ItemWriter<SourceItem> {

    private final DisplayWriter writer;
    private final int maxInFlight;

    public ProjectingWriter(DisplayWriter writer, int maxInFlight) {
        this.writer = writer;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void write(Chunk<? extends SourceItem> chunk) {
        write(chunk.getItems());
    }

    /** Writes the items and returns when Cassandra acknowledged all of them. */
    public void write(Collection<? extends SourceItem> items) {
        List<DisplayWrite> writes = new ArrayList<>(items.size());
        for (SourceItem item : items) {
            writes.add(Projections.of(item.domain()).upsert(item));
        }
        writer.writeAllAndWait(writes, maxInFlight);
    }
}
