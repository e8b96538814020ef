package com.storefront.display.core.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.data.cassandra.core.cql.AsyncCqlOperations;
import org.springframework.data.cassandra.core.cql.AsyncSessionCallback;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
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
 * <p>
 * {@link #writeAllAndWait} sends the writes of one shop partition together, as unlogged batches of up to
 * {@code maxBatch} statements: Cassandra applies a single-partition batch as one mutation, one request
 * instead of one per row ({@code bench/ingest}'s backlog row: a cold drain of a million stock updates
 * spent most of Cassandra's CPU on the per-request work). Every statement keeps its own
 * {@code USING TIMESTAMP}, so a batch changes nothing about which write wins. A batch that fails is
 * retried as its single writes, concurrently: the good ones are applied, and the failure reported is
 * that of the write that failed on its own, so a poison write cannot hide inside a batch nor take the
 * others with it.
 * <p>
 * Before the first upsert of a shop it has not seen, the writer adds the shop to {@code shop_directory}
 * (append-only, never deleted): reconciliation enumerates the shops only the read model knows from there,
 * never by scanning the read-model tables through their tombstones. One insert per shop and writer
 * process, remembered up to {@value #REMEMBERED_SHOPS} shops (past that it forgets, and adds again: the
 * insert is idempotent).
 */
public final class DisplayWriter {

    /** The shop ids a writer remembers having added to the directory. */
    static final int REMEMBERED_SHOPS = 1 << 20;
    static final String ADD_SHOP = "INSERT INTO shop_directory (shop_id) VALUES (?)";

    /** Statements per batch unless configured ({@code display.cassandra.write-batch}); the DataStax Kafka sink's figure. */
    public static final int DEFAULT_MAX_BATCH = 32;

    /** A shop partition of one table: the writes a batch may group. */
    private record Partition(DisplayTable table, Long key) {
    }

    private final AsyncCqlOperations cql;
    private final PreparedStatements prepared;
    private final int maxBatch;
    private final Set<Long> directoryShops = ConcurrentHashMap.newKeySet();

    public DisplayWriter(AsyncCqlOperations cql) {
        this(cql, DEFAULT_MAX_BATCH);
    }

    /** @param maxBatch the most statements of one partition sent as one batch; 1 sends every write alone */
    public DisplayWriter(AsyncCqlOperations cql, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one write, got " + maxBatch);
        }
        this.cql = cql;
        this.maxBatch = maxBatch;
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
        Consumer<DisplayWriteException> complete = failure -> {
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        };
        Set<Long> newShops = newShops(List.of(write));
        if (newShops.isEmpty()) {
            start(write, complete);
        } else {
            addToDirectory(newShops, write, failure -> {
                if (failure == null) {
                    start(write, complete);
                } else {
                    complete.accept(failure);
                }
            });
        }
        return done;
    }

    /**
     * Applies the writes, those of one partition in batches (see the class comment), with at most
     * {@code maxInFlight} requests (a batch or a single write) in flight, and returns when all are
     * acknowledged. The completions count down permits rather than being collected and joined:
     * {@code bench/ingest} showed the per-write future chains as a visible share of the driver's I/O threads.
     *
     * @throws DisplayWriteException the first failure, once every write has completed
     */
    public void writeAllAndWait(Collection<? extends DisplayWrite> writes, int maxInFlight) {
        Semaphore permits = new Semaphore(maxInFlight);
        AtomicReference<DisplayWriteException> firstFailure = new AtomicReference<>();
        Consumer<DisplayWriteException> done = failure -> {
            if (failure != null) {
                firstFailure.compareAndSet(null, failure);
            }
            permits.release();
        };
        Set<Long> newShops = newShops(writes);
        if (!newShops.isEmpty()) {
            CompletableFuture<DisplayWriteException> added = new CompletableFuture<>();
            addToDirectory(newShops, writes.iterator().next(), added::complete);
            if (added.join() != null) {
                throw added.join();
            }
        }
        for (List<DisplayWrite> group : batches(writes)) {
            permits.acquireUninterruptibly();
            if (group.size() == 1) {
                start(group.get(0), done);
            } else {
                startBatch(group, done);
            }
        }
        permits.acquireUninterruptibly(maxInFlight);
        if (firstFailure.get() != null) {
            throw firstFailure.get();
        }
    }

    /** Applies the writes concurrently, one request each; completes when all succeeded, or fails with the first failure. */
    public CompletableFuture<Void> writeAll(Collection<? extends DisplayWrite> writes) {
        return CompletableFuture.allOf(writes.stream().map(this::write).toArray(CompletableFuture[]::new));
    }

    /** The shops of the upserts among the writes that this writer has not added to the directory yet. */
    private Set<Long> newShops(Collection<? extends DisplayWrite> writes) {
        Set<Long> shops = new HashSet<>();
        for (DisplayWrite write : writes) {
            if (write instanceof DisplayWrite.Upsert && !directoryShops.contains(write.key().values().get(0))) {
                shops.add(write.key().values().get(0));
            }
        }
        return shops;
    }

    /**
     * Adds the shops to the directory, all at once; {@code done} is called once, with null when every insert
     * was acknowledged (the shops are remembered then), else with the first failure, named after {@code cause}.
     */
    private void addToDirectory(Set<Long> shops, DisplayWrite cause, Consumer<DisplayWriteException> done) {
        if (directoryShops.size() + shops.size() > REMEMBERED_SHOPS) {
            directoryShops.clear();
        }
        AtomicInteger remaining = new AtomicInteger(shops.size());
        AtomicReference<DisplayWriteException> firstFailure = new AtomicReference<>();
        for (long shop : shops) {
            CompletableFuture<PreparedStatement> statement;
            try {
                statement = prepared.get(ADD_SHOP);
            } catch (RuntimeException e) {
                statement = CompletableFuture.failedFuture(e);
            }
            statement.thenCompose(ready -> cql.execute((AsyncSessionCallback<AsyncResultSet>) session ->
                            session.executeAsync(ready.bind(shop)).toCompletableFuture()))
                    .whenComplete((applied, failure) -> {
                        if (failure == null) {
                            directoryShops.add(shop);
                        } else {
                            firstFailure.compareAndSet(null, new DisplayWriteException(cause, DisplayWriteException.unwrap(failure)));
                        }
                        if (remaining.decrementAndGet() == 0) {
                            done.accept(firstFailure.get());
                        }
                    });
        }
    }

    /** The writes grouped by partition, in order of first appearance, each group cut to at most {@link #maxBatch}. */
    private List<List<DisplayWrite>> batches(Collection<? extends DisplayWrite> writes) {
        if (maxBatch == 1) {
            return writes.stream().<List<DisplayWrite>>map(List::of).toList();
        }
        Map<Partition, List<DisplayWrite>> open = new LinkedHashMap<>();
        List<List<DisplayWrite>> groups = new ArrayList<>();
        for (DisplayWrite write : writes) {
            List<DisplayWrite> group = open.computeIfAbsent(new Partition(write.key().table(), write.key().values().get(0)), p -> {
                List<DisplayWrite> created = new ArrayList<>(Math.min(maxBatch, 8));
                groups.add(created);
                return created;
            });
            group.add(write);
            if (group.size() == maxBatch) {
                open.remove(new Partition(write.key().table(), write.key().values().get(0)));
            }
        }
        return groups;
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

    /**
     * Starts the writes of one partition as one unlogged batch; when the batch fails, as single writes.
     * {@code done} is called once: null when every write was acknowledged, else the first single write's failure.
     */
    private void startBatch(List<DisplayWrite> writes, Consumer<DisplayWriteException> done) {
        CompletionStage<AsyncResultSet> execution;
        try {
            List<CompletableFuture<PreparedStatement>> statements = writes.stream().map(w -> prepared.get(w.cql())).toList();
            execution = statements.stream().allMatch(s -> s.isDone() && !s.isCompletedExceptionally())
                    ? executeBatch(statements, writes)
                    : CompletableFuture.allOf(statements.toArray(CompletableFuture[]::new))
                            .thenCompose(ready -> executeBatch(statements, writes));
        } catch (RuntimeException e) {
            execution = CompletableFuture.failedFuture(e);
        }
        execution.whenComplete((applied, failure) -> {
            if (failure == null) {
                done.accept(null);
            } else {
                startEach(writes, done);
            }
        });
    }

    /** The batch's writes one by one, all started at once; {@code done} once, when the last one completed. */
    private void startEach(List<DisplayWrite> writes, Consumer<DisplayWriteException> done) {
        AtomicInteger remaining = new AtomicInteger(writes.size());
        AtomicReference<DisplayWriteException> firstFailure = new AtomicReference<>();
        for (DisplayWrite write : writes) {
            start(write, failure -> {
                if (failure != null) {
                    firstFailure.compareAndSet(null, failure);
                }
                if (remaining.decrementAndGet() == 0) {
                    done.accept(firstFailure.get());
                }
            });
        }
    }

    private CompletableFuture<AsyncResultSet> executeBatch(List<CompletableFuture<PreparedStatement>> statements, List<DisplayWrite> writes) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        String profile = null;
        for (int i = 0; i < writes.size(); i++) {
            BoundStatement bound = statements.get(i).join().bind(writes.get(i).bindValues().toArray());
            profile = bound.getExecutionProfileName();
            batch.addStatement(bound);
        }
        // a batch runs at its own level, not its statements': the write profile they were prepared in
        BatchStatement statement = batch.setExecutionProfileName(profile).setIdempotence(true).build();
        return cql.execute((AsyncSessionCallback<AsyncResultSet>) session -> session.executeAsync(statement).toCompletableFuture());
    }

    private CompletableFuture<AsyncResultSet> execute(PreparedStatement statement, DisplayWrite write) {
        BoundStatement bound = statement.bind(write.bindValues().toArray());
        return cql.execute((AsyncSessionCallback<AsyncResultSet>) session -> session.executeAsync(bound).toCompletableFuture());
    }
}
