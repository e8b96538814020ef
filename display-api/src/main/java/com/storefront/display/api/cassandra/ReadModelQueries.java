package com.storefront.display.api.cassandra;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.data.cassandra.core.cql.ReactiveCqlOperations;
import org.springframework.data.cassandra.core.cql.ReactiveSessionCallback;
import org.springframework.stereotype.Component;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.core.cql.CqlConsistency;
import com.storefront.display.core.cql.PreparedStatements;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the read model's queries through the reactive template: each query text is prepared once and
 * kept ({@link PreparedStatements}, as the writer does), every request binds its values to it. Failures
 * reach the caller translated into Spring's {@code DataAccessException}s; a failed preparation is
 * forgotten, so the next request prepares again (after an outage, for instance). Reads are marked idempotent: the driver may retry or
 * speculate them, and need not look the setting up in its configuration for every response.
 */
@Component
public class ReadModelQueries {

    private final ReactiveCqlOperations cql;
    private final PreparedStatements prepared;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ReadModelQueries(ReactiveCqlOperations cql, DisplayApiProperties properties) {
        this.cql = cql;
        this.maxInFlight = properties.maxInFlightReads();
        this.prepared = new PreparedStatements(text -> cql.execute(
                (ReactiveSessionCallback<PreparedStatement>) session -> session.prepare(CqlConsistency.read(text))).single().toFuture());
    }

    /**
     * The rows of a query, fetched {@code pageSize} at a time and only as far as the subscriber asks:
     * the next page is requested from Cassandra only once the current one is consumed and the subscriber
     * still wants rows, so a subscriber that takes the first {@code n} rows of a large partition costs one
     * round trip when they fit a page.
     */
    public <T> Flux<T> query(String text, int pageSize, Function<Row, T> mapper, Object... values) {
        return Flux.defer(() -> {
            // at most maxInFlight reads wait for Cassandra at once; one more fails at once (a 503), so
            // that an overload sheds requests instead of making every answer late
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                return Flux.error(new ReadModelOverloaded(maxInFlight));
            }
            // the preparation is shared: a request that gives up (Mono.zip cancels the other read when one
            // fails) must not cancel it for everybody
            return Mono.fromFuture(prepared.get(text), true).flatMapMany(statement ->
                    pages(statement.bind(values).setPageSize(pageSize).setIdempotent(true), mapper))
                    .doFinally(signal -> inFlight.decrementAndGet());
        });
    }

    /** The reads waiting for Cassandra now ({@code display.api.reads.in-flight}). */
    public int inFlight() {
        return inFlight.get();
    }

    /*
     * Not ReactiveResultSet.rows(): it expands into the next pages as eagerly as its downstream
     * prefetches, and bench/display-api found a 20-product page reading the shop's whole partition.
     */
    private <T> Flux<T> pages(BoundStatement statement, Function<Row, T> mapper) {
        return cql.queryForResultSet(statement).flatMapMany(result -> {
            Flux<T> rows = result.availableRows().map(mapper);
            ByteBuffer next = result.getExecutionInfo().getPagingState();
            return next == null ? rows : rows.concatWith(Flux.defer(() -> pages(statement.setPagingState(next), mapper)));
        });
    }
}
