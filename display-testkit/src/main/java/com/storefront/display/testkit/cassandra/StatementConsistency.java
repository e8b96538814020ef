package com.storefront.display.testkit.cassandra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.tracker.RequestTracker;

/**
 * Records the consistency level and idempotence every statement of a session actually ran with (the
 * statement's own, or its execution profile's), so a test can pin that an app's reads and writes honour
 * {@code display.cassandra.consistency.*}. A batch's statements are seen one by one, at the batch's level.
 * Add it with {@code CqlSessionBuilder.addRequestTracker}.
 */
public final class StatementConsistency implements RequestTracker {

    /**
     * One statement that succeeded.
     *
     * @param conditional a lightweight transaction ({@code IF ...})
     */
    public record Seen(String cql, ConsistencyLevel level, boolean idempotent, boolean write, boolean conditional) {
    }

    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

    /** The statements seen so far whose text contains {@code fragment} (case-insensitive). */
    public List<Seen> naming(String fragment) {
        String lower = fragment.toLowerCase(Locale.ROOT);
        return seen.stream().filter(s -> s.cql().toLowerCase(Locale.ROOT).contains(lower)).toList();
    }

    public List<Seen> all() {
        return List.copyOf(seen);
    }

    /** Nothing to release: the recorded statements stay readable after the session closed. */
    @Override
    public void close() {
    }

    @Override
    public void onSuccess(Request request, long latencyNanos, DriverExecutionProfile profile, Node node, String prefix) {
        if (!(request instanceof Statement<?> statement)) {
            return;
        }
        // a batch runs at its own level (or its profile's): each statement it holds is seen at that level
        ConsistencyLevel level = statement.getConsistencyLevel() != null ? statement.getConsistencyLevel()
                : DefaultConsistencyLevel.valueOf(profile.getString(DefaultDriverOption.REQUEST_CONSISTENCY));
        Boolean idempotent = statement.isIdempotent();
        boolean effectivelyIdempotent = idempotent != null ? idempotent
                : profile.getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE);
        for (String cql : cqlOf(request)) {
            String upper = cql.strip().toUpperCase(Locale.ROOT);
            boolean write = upper.startsWith("INSERT") || upper.startsWith("UPDATE") || upper.startsWith("DELETE");
            boolean conditional = write && (upper.contains(" IF NOT EXISTS") || upper.matches("(?s).* IF \\w+ *=.*"));
            seen.add(new Seen(cql, level, effectivelyIdempotent, write, conditional));
        }
    }

    /**
     * The CQL text of each statement a request carries: one for a simple or bound statement, one per
     * statement for a batch, none for anything else (a prepare, a control request).
     */
    public static List<String> cqlOf(Request request) {
        if (request instanceof SimpleStatement simple) {
            return List.of(simple.getQuery());
        }
        if (request instanceof BoundStatement bound) {
            return List.of(bound.getPreparedStatement().getQuery());
        }
        if (request instanceof BatchStatement batch) {
            List<String> all = new ArrayList<>(batch.size());
            for (BatchableStatement<?> inner : batch) {
                all.addAll(cqlOf(inner));
            }
            return all;
        }
        return List.of();
    }
}
