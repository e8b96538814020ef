package com.storefront.display.core.cql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/**
 * Each statement text prepared once and kept, for the writer and the read path alike. A preparation
 * that failed (Cassandra down, say) is forgotten by the next caller that finds it failed, so that caller
 * prepares again; the failure does not depend on who was waiting for it.
 */
public final class PreparedStatements {

    private final Function<String, CompletableFuture<PreparedStatement>> prepare;
    private final Map<String, CompletableFuture<PreparedStatement>> prepared = new ConcurrentHashMap<>();

    /** @param prepare starts preparing a text, e.g. through a Spring Data Cassandra template's session callback */
    public PreparedStatements(Function<String, CompletableFuture<PreparedStatement>> prepare) {
        this.prepare = prepare;
    }

    /** The statement prepared for this text; completes exceptionally when its preparation failed. */
    public CompletableFuture<PreparedStatement> get(String text) {
        CompletableFuture<PreparedStatement> statement = prepared.get(text);
        if (statement != null && !statement.isCompletedExceptionally()) {
            return statement;
        }
        if (statement != null) {
            prepared.remove(text, statement);
        }
        return prepared.computeIfAbsent(text, prepare);
    }
}
