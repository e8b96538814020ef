package com.storefront.display.core.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;

import org.springframework.data.cassandra.core.cql.AsyncCqlOperations;
import org.springframework.data.cassandra.core.cql.AsyncSessionCallback;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.storefront.display.core.cql.PreparedStatements;

/**
 * The one writer of the read model: the stream path, the batch path and reconciliation all write
 * through it, so every write carries its source version as the cell timestamp. Each statement shape is
 * prepared once and kept here; a write binds its values to it and executes it through the template
 * (so failures are translated as everywhere else). {@code bench/ingest} showed that preparing through
 * the template on every write, even with the driver's cache, cost about a fifth of a listener thread.
 */
public final class DisplayWriter {

    private final AsyncCqlOperations cql;
    private final PreparedStatements prepared;

    public DisplayWriter(AsyncCqlOperations cql) {
        this.cql = cql;
        this.prepared = new PreparedStatements(text -> cql.execute(
                (AsyncSessionCallback<PreparedStatement>) session -> session.prepareAsync(text).toCompletableFuture()));
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
            execution = prepared.get(write.cql()).thenCompose(statement -> cql.execute(statement.bind(write.bindValues().toArray())));
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
