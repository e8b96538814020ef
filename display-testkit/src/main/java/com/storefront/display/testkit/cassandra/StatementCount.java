package com.storefront.display.testkit.cassandra;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.tracker.RequestTracker;

/**
 * Counts the writes ({@code INSERT}, {@code UPDATE}, {@code DELETE}) to one table a session ran successfully, a batch counting as
 * the statements it holds, and the requests that carried them. Cassandra's own write count
 * ({@code system_views.coordinator_write_latency}) counts a single-partition batch once; this counts
 * what the app asked for. It keeps counts only, so it fits a benchmark of millions of writes. Add it with
 * {@code CqlSessionBuilder.addRequestTracker}.
 */
public final class StatementCount implements RequestTracker {

    private final String table;
    private final LongAdder statements = new LongAdder();
    private final LongAdder requests = new LongAdder();

    private StatementCount(String table) {
        this.table = table.toLowerCase(Locale.ROOT);
    }

    /** Counts the writes to {@code table} (its name as the statements spell it, without keyspace). */
    public static StatementCount writesTo(String table) {
        return new StatementCount(table);
    }

    /** Statements counted so far, each statement of a batch on its own. */
    public long statements() {
        return statements.sum();
    }

    /** Requests (single statements or batches) that carried at least one counted statement. */
    public long requests() {
        return requests.sum();
    }

    @Override
    public void onSuccess(Request request, long latencyNanos, DriverExecutionProfile profile, Node node, String prefix) {
        long matching = StatementConsistency.cqlOf(request).stream().filter(this::writesTheTable).count();
        if (matching > 0) {
            statements.add(matching);
            requests.increment();
        }
    }

    private boolean writesTheTable(String cql) {
        String lower = cql.strip().toLowerCase(Locale.ROOT);
        String target = lower.startsWith("update ") ? lower.substring("update ".length())
                : lower.startsWith("insert into ") ? lower.substring("insert into ".length())
                : lower.startsWith("delete ") && lower.contains(" from ") ? lower.substring(lower.indexOf(" from ") + " from ".length())
                : null;
        return target != null && (target.startsWith(table + " ") || target.startsWith(table + "(") || target.contains("." + table + " ")
                || target.contains("." + table + "("));
    }

    /** Nothing to release: the counts stay readable after the session closed. */
    @Override
    public void close() {
    }
}
