package com.storefront.display.api.cassandra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.cassandra.core.cql.ReactiveCqlOperations;
import org.springframework.data.cassandra.core.cql.ReactiveSessionCallback;
import org.springframework.data.cassandra.core.cql.RowMapper;
import org.springframework.stereotype.Component;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the read model's queries through the reactive template: each query text is prepared once and
 * kept, every request binds its values to the prepared statement. Failures reach the caller translated
 * into Spring's {@code DataAccessException}s; a failed preparation is forgotten, so the next request
 * prepares again (after an outage, for instance). Reads are marked idempotent: the driver may retry or
 * speculate them, and need not look the setting up in its configuration for every response.
 */
@Component
public class ReadModelQueries {

    private final ReactiveCqlOperations cql;
    private final Map<String, Mono<PreparedStatement>> prepared = new ConcurrentHashMap<>();

    public ReadModelQueries(ReactiveCqlOperations cql) {
        this.cql = cql;
    }

    /**
     * The rows of a query, fetched {@code pageSize} at a time and only as far as the subscriber asks:
     * a subscriber that takes the first {@code n} rows causes no further page to be read.
     */
    public <T> Flux<T> query(String text, int pageSize, RowMapper<T> mapper, Object... values) {
        return prepared(text).flatMapMany(statement -> cql.query(statement.bind(values).setPageSize(pageSize).setIdempotent(true), mapper));
    }

    private Mono<PreparedStatement> prepared(String text) {
        return prepared.computeIfAbsent(text, key -> cql.execute((ReactiveSessionCallback<PreparedStatement>) session -> session.prepare(key))
                .single()
                .doOnError(failure -> prepared.remove(key))
                .cache());
    }
}
