package com.storefront.display.reconciler.bulkload;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.reconciler.progress.PartitionProgress;
import com.storefront.display.core.source.BlockingSourceApi;

/**
 * Reads one id range of a domain's keyset export, a page at a time (flat memory whatever the size).
 * Restartable: the keyset cursor (the last id of the last committed chunk) is kept in the step's
 * execution context under {@link #CURSOR}, so a restart resumes after the last committed chunk.
 */
public class SourceExportReader implements ItemStreamReader<SourceItem> {

    static final String DOMAIN = "bulk.domain";
    static final String AFTER = "bulk.after";
    static final String TO = "bulk.to";
    static final String CURSOR = "bulk.cursor";
    static final String READ = "bulk.read";

    private final BlockingSourceApi source;
    private final int pageSize;
    private final Deque<SourceItem> buffer = new ArrayDeque<>();
    private Domain domain;
    private long from;
    private long to;
    private long lastRead;
    private long read;
    private long fetchedUpTo;
    private boolean exhausted;

    public SourceExportReader(BlockingSourceApi source, int pageSize) {
        this.source = source;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        domain = Domain.ofSourcePath(context.getString(DOMAIN));
        from = context.getLong(AFTER);
        to = context.getLong(TO);
        lastRead = context.getLong(CURSOR, from);
        read = context.getLong(READ, 0L);
        fetchedUpTo = lastRead;
        exhausted = lastRead >= to;
    }

    @Override
    public SourceItem read() {
        if (buffer.isEmpty() && !exhausted) {
            fetch();
        }
        SourceItem item = buffer.poll();
        if (item == null) {
            return null;
        }
        lastRead = item.id();
        read++;
        return item;
    }

    private void fetch() {
        SourcePage page = source.export(domain, fetchedUpTo, pageSize);
        for (SourceItem item : page.items()) {
            if (item.id() > to) {
                exhausted = true;
                return;
            }
            buffer.add(item);
            fetchedUpTo = item.id();
        }
        if (page.next() == null || fetchedUpTo >= to || page.items().isEmpty()) {
            exhausted = true;
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(CURSOR, lastRead);
        context.putLong(READ, read);
        // items are units of work, against the partitioner's estimate: done once the range's export ended
        long total = context.getLong(PartitionProgress.TOTAL, 1L);
        PartitionProgress.save(context, exhausted && buffer.isEmpty() ? total : Math.min(read, Math.max(0, total - 1)), total);
    }
}
