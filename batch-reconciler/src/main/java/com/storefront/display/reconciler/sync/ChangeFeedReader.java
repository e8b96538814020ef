package com.storefront.display.reconciler.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.BlockingSourceApi;
import com.storefront.display.core.source.ChangePage;
import com.storefront.display.core.source.SourceChange;
import com.storefront.display.reconciler.progress.PartitionProgress;

/**
 * A domain's incremental export, change by change in version order, from the committed high-water mark
 * to the source's latest change. It starts from {@link SyncMarks}, never from its own context: a run
 * killed after a chunk was written but before its mark was committed reads that chunk again (same
 * versions, same writes), and nothing is skipped.
 */
class ChangeFeedReader implements ItemStreamReader<SourceChange> {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeedReader.class);

    private final BlockingSourceApi source;
    private final SyncMarks marks;
    private final int pageSize;
    private final Deque<SourceChange> page = new ArrayDeque<>();
    private Domain domain;
    /** Where the next page starts; null once the last page was read. */
    private Long next;
    private long started;
    /** The last version read: after a chunk was written, the mark the writer committed. */
    private long last;
    private long read;
    private long readHere;
    private long startNanos;

    ChangeFeedReader(BlockingSourceApi source, SyncMarks marks, int pageSize) {
        this.source = source;
        this.marks = marks;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext context) {
        domain = Domain.ofSourcePath(context.getString(SyncMarks.CONTEXT_DOMAIN));
        OptionalLong committed = marks.mark(domain);
        if (committed.isEmpty()) {
            throw new ItemStreamException("no high-water mark for " + domain.sourcePath() + ": run a bulk-load of it "
                    + "first (it sets the mark), then incremental-sync continues from there");
        }
        started = committed.getAsLong();
        last = started;
        next = started;
        read = context.getLong(PartitionProgress.DONE, 0L);
        startNanos = System.nanoTime();
        context.putLong(SyncMarks.CONTEXT_MARK, started);
    }

    @Override
    public SourceChange read() {
        while (page.isEmpty() && next != null) {
            ChangePage fetched = source.changedSince(domain, next, pageSize);
            page.addAll(fetched.items());
            next = fetched.next();
        }
        SourceChange change = page.poll();
        if (change == null) {
            double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
            log.info("incremental-sync {}: caught up, {} changes from version {} in {} s ({}/s), {} in this partition in all",
                    domain.sourcePath(), readHere, started, Math.round(seconds * 10) / 10.0, Math.round(readHere / seconds), read);
            return null;
        }
        read++;
        readHere++;
        last = Math.max(last, change.version());
        return change;
    }

    @Override
    public void update(ExecutionContext context) {
        // called once a chunk was written: the writer committed the mark, this is the execution view's copy
        context.putLong(SyncMarks.CONTEXT_MARK, last);
        PartitionProgress.save(context, read, read + ahead());
    }

    /** Changes still to read as far as this reader knows: the page in hand, and a page more while the export has more. */
    private long ahead() {
        return next == null ? page.size() : page.size() + pageSize;
    }
}
