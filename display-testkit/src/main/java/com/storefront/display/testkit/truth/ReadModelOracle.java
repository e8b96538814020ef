package com.storefront.display.testkit.truth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.ColumnValue;
import com.storefront.display.core.write.DisplayTable;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;
import com.storefront.display.simulator.truth.SourceOfTruth;

/**
 * The one oracle of every test, benchmark and scenario: the read model against the simulator's truth,
 * both ways, without the reconciler's code (only the projections and the truth). Every source entity's
 * cells must hold the source's value written at its version or later (a mismatch repair is written 1 µs
 * later), and a shop's partitions must hold no entity the source does not have (orphans). Shop by shop
 * (both partitions read whole, with write times), on several threads, so memory stays that of one shop
 * per thread whatever the catalogue's size.
 */
public final class ReadModelOracle {

    /**
     * What the comparison saw, per domain: entities at the source, entities in the read model (orphans
     * included), cells compared, and differences (a missing entity, an orphan, a cell with another value
     * or an older write time), with the first few described.
     */
    public record Result(Map<Domain, Long> entities, Map<Domain, Long> readModelEntities, Map<Domain, Long> cells,
                         Map<Domain, Long> differences, List<String> samples) {

        public long totalEntities() {
            return entities.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalCells() {
            return cells.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalDifferences() {
            return differences.values().stream().mapToLong(Long::longValue).sum();
        }

        /** True when the read model is the truth: no difference in any compared domain. */
        public boolean matches() {
            return totalDifferences() == 0;
        }

        @Override
        public String toString() {
            return totalDifferences() + " differences in " + totalCells() + " cells of " + totalEntities() + " entities "
                    + differences + (samples.isEmpty() ? "" : ", e.g. " + samples);
        }
    }

    /** A source entity's cells in its projection's column order, and its version. */
    private record Expected(Object[] values, long version) {
    }

    private static final int SAMPLES = 20;
    private static final int THREADS = 16;

    private final SourceOfTruth truth;
    private final CqlSession session;
    private final List<Domain> domains;
    private final Map<DisplayTable, PreparedStatement> selects = new EnumMap<>(DisplayTable.class);
    private final Map<DisplayTable, List<String>> valueColumns = new EnumMap<>(DisplayTable.class);
    private final Map<Domain, AtomicLong> entities = new EnumMap<>(Domain.class);
    private final Map<Domain, AtomicLong> readModelEntities = new EnumMap<>(Domain.class);
    private final Map<Domain, AtomicLong> cells = new EnumMap<>(Domain.class);
    private final Map<Domain, AtomicLong> differences = new EnumMap<>(Domain.class);
    private final List<String> samples = Collections.synchronizedList(new ArrayList<>());

    private ReadModelOracle(SourceOfTruth truth, CqlSession session, List<Domain> domains) {
        this.truth = truth;
        this.session = session;
        this.domains = List.copyOf(domains);
        for (Domain domain : domains) {
            entities.put(domain, new AtomicLong());
            readModelEntities.put(domain, new AtomicLong());
            cells.put(domain, new AtomicLong());
            differences.put(domain, new AtomicLong());
        }
        for (DisplayTable table : DisplayTable.values()) {
            Set<String> columns = new LinkedHashSet<>();
            for (Domain domain : Domain.values()) {
                if (tableOf(domain) == table) {
                    columns.addAll(Projections.of(domain).columns());
                }
            }
            List<String> selected = new ArrayList<>(table.keyColumns());
            selected.addAll(columns);
            columns.forEach(column -> selected.add("WRITETIME(" + column + ")"));
            valueColumns.put(table, List.copyOf(columns));
            selects.put(table, session.prepare("SELECT " + String.join(", ", selected) + " FROM " + table.cqlName()
                    + " WHERE " + table.keyColumns().get(0) + " = ?"));
        }
    }

    /** Compares every domain of shops {@code 1..shops} of the truth with the read model the session's keyspace holds. */
    public static Result compare(SourceOfTruth truth, CqlSession session, int shops) {
        return compare(truth, session, shops, List.of(Domain.values()));
    }

    /** As {@link #compare(SourceOfTruth, CqlSession, int)}, for some domains only. */
    public static Result compare(SourceOfTruth truth, CqlSession session, int shops, List<Domain> domains) {
        return compare(truth, session, 1, shops, domains);
    }

    /** As {@link #compare(SourceOfTruth, CqlSession, int)}, for shops {@code firstShop..lastShop} and some domains. */
    public static Result compare(SourceOfTruth truth, CqlSession session, long firstShop, long lastShop, List<Domain> domains) {
        return compare(truth, session, LongStream.rangeClosed(firstShop, lastShop).toArray(), domains);
    }

    /**
     * Compares every domain of every shop of the truth's catalogue, whatever its id layout, with the read
     * model the session's keyspace holds.
     */
    public static Result compareCatalogue(SourceOfTruth truth, CqlSession session) {
        return compare(truth, session, truth.catalogue().shopIds().toArray(), List.of(Domain.values()));
    }

    private static Result compare(SourceOfTruth truth, CqlSession session, long[] shops, List<Domain> domains) {
        ReadModelOracle comparison = new ReadModelOracle(truth, session, domains);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                running.add(threads.submit(() -> {
                    for (int i = first; i < shops.length; i += THREADS) {
                        comparison.compareShop(shops[i]);
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted comparing the read model with the truth", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("comparing the read model with the truth failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
        return new Result(counts(comparison.entities), counts(comparison.readModelEntities), counts(comparison.cells),
                counts(comparison.differences), List.copyOf(comparison.samples));
    }

    private void compareShop(long shop) {
        Map<Domain, Map<RowKey, Expected>> expected = new EnumMap<>(Domain.class);
        for (Domain domain : domains) {
            Map<RowKey, Expected> byKey = new HashMap<>();
            List<String> owned = Projections.of(domain).columns();
            for (SourceItem item : truth.listShop(domain, shop)) {
                DisplayWrite.Upsert upsert = (DisplayWrite.Upsert) Projections.of(domain).upsert(item);
                Object[] values = new Object[owned.size()];
                for (ColumnValue column : upsert.columns()) {
                    values[owned.indexOf(column.column())] = comparable(column.value());
                }
                byKey.put(upsert.key(), new Expected(values, item.version()));
            }
            entities.get(domain).addAndGet(byKey.size());
            expected.put(domain, byKey);
        }
        for (DisplayTable table : DisplayTable.values()) {
            boolean first = true;
            for (Row row : session.execute(selects.get(table).bind(shop).setTimeout(Duration.ofSeconds(30)))) {
                for (Domain domain : domains) {
                    if (tableOf(domain) != table) {
                        continue;
                    }
                    Projection projection = Projections.of(domain);
                    if (projection.key(shop, shop).values().size() == 1) {
                        // static cells: every row of the partition repeats them
                        if (first) {
                            check(domain, projection.key(shop, shop), row, table, expected.get(domain));
                        }
                    } else if (!row.isNull(1)) {
                        check(domain, projection.key(shop, row.getLong(1)), row, table, expected.get(domain));
                    }
                }
                first = false;
            }
        }
        expected.forEach((domain, missing) -> missing.keySet().forEach(key ->
                differ(domain, domain + " " + key.values() + ": missing from the read model")));
    }

    private void check(Domain domain, RowKey key, Row row, DisplayTable table, Map<RowKey, Expected> expected) {
        List<String> columns = valueColumns.get(table);
        int keys = table.keyColumns().size();
        List<String> owned = Projections.of(domain).columns();
        boolean present = owned.stream().anyMatch(column -> !row.isNull(keys + columns.indexOf(column)));
        if (present) {
            readModelEntities.get(domain).incrementAndGet();
        }
        Expected wanted = expected.remove(key);
        if (wanted == null) {
            if (present) {
                differ(domain, domain + " " + key.values() + ": in the read model, not in the source");
            }
            return;
        }
        for (int i = 0; i < owned.size(); i++) {
            int index = columns.indexOf(owned.get(i));
            Object stored = comparable(row.getObject(keys + index));
            int writeTimeIndex = keys + columns.size() + index;
            Long writeTime = row.isNull(writeTimeIndex) ? null : row.getLong(writeTimeIndex);
            Object value = wanted.values()[i];
            cells.get(domain).incrementAndGet();
            boolean sameValue = String.valueOf(value).equals(String.valueOf(stored));
            boolean current = value == null || writeTime != null && writeTime >= wanted.version();
            if (!sameValue || !current) {
                differ(domain, domain + " " + key.values() + " " + owned.get(i) + ": source " + value + "@" + wanted.version()
                        + ", read model " + stored + "@" + writeTime);
            }
        }
    }

    private void differ(Domain domain, String difference) {
        differences.get(domain).incrementAndGet();
        synchronized (samples) {
            if (samples.size() < SAMPLES) {
                samples.add(difference);
            }
        }
    }

    private static DisplayTable tableOf(Domain domain) {
        return Projections.of(domain).key(1, 1).table();
    }

    private static Map<Domain, Long> counts(Map<Domain, AtomicLong> counters) {
        Map<Domain, Long> counts = new EnumMap<>(Domain.class);
        counters.forEach((domain, counter) -> counts.put(domain, counter.get()));
        return counts;
    }

    /** Cassandra keeps timestamps in milliseconds and enums as their names. */
    private static Object comparable(Object value) {
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MILLIS);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }
}
