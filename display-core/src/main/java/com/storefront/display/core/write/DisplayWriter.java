package com.storefront.display.core.write;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.data.cassandra.core.cql.AsyncCqlOperations;
import org.springframework.data.cassandra.core.cql.AsyncSessionCallback;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.storefront.display.core.cql.CqlConsistency;
import com.storefront.display.core.cql.PreparedStatements;

/**
 * The one writer of the read model: the stream path, the batch path and reconciliation all write
 * through it, so every write carries its source version as the cell timestamp. Each statement shape is
 * prepared once (as an idempotent write at the write consistency, which its bound statements inherit)
 * and kept here; a write binds its values to it and executes it in a session callback of
 * the template, on the template's session. {@code bench/ingest} showed that preparing through the
 * template on every write, even with the driver's cache, cost about a fifth of a listener thread, and
 * that {@code AsyncCqlTemplate.execute(Statement)}'s four completion stages per write (result
 * extraction, exception translation) were a visible share of the driver's I/O threads; the callback
 * returns the driver's own future. Every failure reaches the caller as a {@link DisplayWriteException}
 * naming the write, its cause the driver's exception (or Spring's, when the template translated it).
 */
public final class DisplayWriter {

    private final AsyncCqlOperations cql;
    private final PreparedStatements prepared;

    public DisplayWriter(AsyncCqlOperations cql) {
        this.cql = cql;
        this.prepared = new PreparedStatements(text -> cql.execute(
                (AsyncSessionCallback<PreparedStatement>) session -> session.prepareAsync(CqlConsistency.write(session, text)).toCompletableFuture()));
    }

    /**
     * Applies one write.
     *
     * @return completes when Cassandra acknowledged the write; fails with a {@link DisplayWriteException}
     *         whose cause is the driver's exception
     */
    public CompletableFuture<Void> write(DisplayWrite write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        start(write, failure -> {
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /**
     * Applies the writes with at most {@code maxInFlight} of them in flight, and returns when all are
     * acknowledged. The writes' completions count down permits rather than being collected and joined:
     * {@code bench/ingest} showed the per-write future chains as a visible share of the driver's I/O threads.
     *
     * @throws DisplayWriteException the first failure, once every write has completed
     */
    public void writeAllAndWait(Collection<? extends DisplayWrite> writes, int maxInFlight) {
        Semaphore permits = new Semaphore(maxInFlight);
        AtomicReference<DisplayWriteException> firstFailure = new AtomicReference<>();
        for (DisplayWrite write : writes) {
            permits.acquireUninterruptibly();
            start(write, failure -> {
                if (failure != null) {
                    firstFailure.compareAndSet(null, failure);
                }
                permits.release();
            });
        }
        permits.acquireUninterruptibly(maxInFlight);
        if (firstFailure.get() != null) {
            throw firstFailure.get();
        }
    }

    /** Applies the writes concurrently; completes when all succeeded, or fails with the first failure. */
    public CompletableFuture<Void> writeAll(Collection<? extends DisplayWrite> writes) {
        return CompletableFuture.allOf(writes.stream().map(this::write).toArray(CompletableFuture[]::new));
    }

    /**
     * Starts one write; {@code done} is called once, with null when Cassandra acknowledged it or with the
     * failure. It may run on a driver I/O thread, so it must not block.
     */
    private void start(DisplayWrite write, Consumer<DisplayWriteException> done) {
        CompletionStage<AsyncResultSet> execution;
        try {
            CompletableFuture<PreparedStatement> statement = prepared.get(write.cql());
            execution = statement.isDone() && !statement.isCompletedExceptionally()
                    ? execute(statement.join(), write)
                    : statement.thenCompose(ready -> execute(ready, write));
        } catch (RuntimeException e) {
            execution = CompletableFuture.failedFuture(e);
        }
        execution.whenComplete((applied, failure) -> done.accept(
                failure == null ? null : new DisplayWriteException(write, DisplayWriteException.unwrap(failure))));
    }

    private CompletableFuture<AsyncResultSet> execute(PreparedStatement statement, DisplayWrite write) {
        BoundStatement bound = statement.bind(write.bindValues().toArray());
        return cql.execute((AsyncSessionCallback<AsyncResultSet>) session -> session.executeAsync(bound).toCompletableFuture());
    }
}
