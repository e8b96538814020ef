package com.storefront.display.core.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

import org.springframework.data.cassandra.core.cql.AsyncCqlOperations;

/**
 * The one writer of the read model: the stream path, the batch path and reconciliation all write
 * through it, so every write carries its source version as the cell timestamp. Statements are
 * prepared once per shape (the driver caches prepared statements by text).
 */
public final class DisplayWriter {

    private final AsyncCqlOperations cql;

    public DisplayWriter(AsyncCqlOperations cql) {
        this.cql = cql;
    }

    /**
     * Applies one write.
     *
     * @return completes when Cassandra acknowledged the write; fails with a {@link DisplayWriteException}
     *         whose cause is the driver's (or Spring's translated) exception
     */
    public CompletableFuture<Void> write(DisplayWrite write) {
        CompletableFuture<Boolean> execution;
        try {
            execution = cql.execute(write.cql(), write.bindValues().toArray());
        } catch (RuntimeException e) {
            execution = CompletableFuture.failedFuture(e);
        }
        return execution.handle((applied, failure) -> {
            if (failure != null) {
                throw new DisplayWriteException(write, DisplayWriteException.unwrap(failure));
            }
            return null;
        });
    }

    /**
     * Applies the writes with at most {@code maxInFlight} of them in flight, and returns when all are
     * acknowledged.
     *
     * @throws DisplayWriteException the first failure, once every write has completed
     */
    public void writeAllAndWait(Collection<? extends DisplayWrite> writes, int maxInFlight) {
        Semaphore permits = new Semaphore(maxInFlight);
        List<CompletableFuture<Void>> pending = new ArrayList<>(writes.size());
        for (DisplayWrite write : writes) {
            permits.acquireUninterruptibly();
            pending.add(write(write).whenComplete((ok, failure) -> permits.release()));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof DisplayWriteException failure ? failure
                    : new IllegalStateException("write failed outside the writer", e.getCause());
        }
    }

    /** Applies the writes concurrently; completes when all succeeded, or fails with the first failure. */
    public CompletableFuture<Void> writeAll(Collection<? extends DisplayWrite> writes) {
        return CompletableFuture.allOf(writes.stream().map(this::write).toArray(CompletableFuture[]::new));
    }
}
