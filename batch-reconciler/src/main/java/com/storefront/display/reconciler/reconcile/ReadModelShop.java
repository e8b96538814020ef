package com.storefront.display.reconciler.reconcile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.cql.SessionCallback;

import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.core.cql.CqlConsistency;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.write.DisplayTable;

/**
 * Reads what the read model holds for one shop, per domain and entity, with each cell's write time:
 * one single-partition query per table, whatever the number of domains. Which columns and rows belong
 * to which domain comes from the projections. Cassandra's tombstone warnings on those reads are kept: they
 * tell reconciliation where to consolidate deletes ({@link OrphanRowDeletes}).
 */
public final class ReadModelShop {

    /**
     * Where one domain's cells are in a table's rows: its columns by name, and the index of each value
     * and of its write time in the selected row. Worked out once, not per row.
     */
    private record DomainCells(Domain domain, boolean partitionLevel, List<String> columns, int[] valueIndexes) {
    }

    private record TableQuery(DisplayTable table, String cql, List<DomainCells> domains) {
    }

    private final CqlOperations cql;
    private final List<TableQuery> queries = new ArrayList<>();

    public ReadModelShop(CqlOperations cql) {
        this.cql = cql;
        Map<DisplayTable, List<Domain>> byTable = new EnumMap<>(DisplayTable.class);
        for (Domain domain : Domain.values()) {
            byTable.computeIfAbsent(Projections.of(domain).key(1, 1).table(), t -> new ArrayList<>()).add(domain);
        }
        byTable.forEach((table, domains) -> queries.add(query(table, domains)));
    }

    /**
     * What the read model holds for one shop.
     *
     * @param entities   every domain's entities, by domain then entity id; a domain with none maps to an empty map
     * @param tombstoned the tables whose read crossed more tombstones than Cassandra's warning threshold
     */
    public record Contents(Map<Domain, Map<Long, StoredEntity>> entities, Set<DisplayTable> tombstoned) {
    }

    /** Every domain's entities in the shop, and where Cassandra warned of tombstones on the way. */
    public Contents read(long shopId) {
        Map<Domain, Map<Long, StoredEntity>> found = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            found.put(domain, new HashMap<>());
        }
        Set<DisplayTable> tombstoned = EnumSet.noneOf(DisplayTable.class);
        for (TableQuery query : queries) {
            boolean warned = cql.execute((SessionCallback<Boolean>) session -> {
                ResultSet rows = session.execute(CqlConsistency.read(query.cql(), shopId));
                rows.forEach(row -> collect(row, shopId, query.domains(), found));
                return rows.getExecutionInfos().stream().flatMap(info -> info.getWarnings().stream())
                        .anyMatch(warning -> warning.contains("tombstone"));
            });
            if (warned) {
                tombstoned.add(query.table());
            }
        }
        return new Contents(found, tombstoned);
    }

    private static void collect(Row row, long shopId, List<DomainCells> domains, Map<Domain, Map<Long, StoredEntity>> found) {
        Object clustering = row.getObject(0);
        for (DomainCells cells : domains) {
            if (!cells.partitionLevel() && clustering == null) {
                continue;
            }
            long entityId = cells.partitionLevel() ? shopId : ((Number) clustering).longValue();
            StoredEntity entity = entity(row, cells);
            if (entity != null) {
                found.get(cells.domain()).putIfAbsent(entityId, entity);
            }
        }
    }

    private static StoredEntity entity(Row row, DomainCells cells) {
        Map<String, Object> values = new HashMap<>();
        long writeTime = Long.MIN_VALUE;
        for (int i = 0; i < cells.columns().size(); i++) {
            int index = cells.valueIndexes()[i];
            Object value = row.getObject(index);
            if (value != null) {
                values.put(cells.columns().get(i), value);
                writeTime = Math.max(writeTime, row.getLong(index + 1));
            }
        }
        return values.isEmpty() ? null : new StoredEntity(values, writeTime);
    }

    /** The clustering key, then each column followed by its write time. */
    private static TableQuery query(DisplayTable table, List<Domain> domains) {
        List<String> columns = domains.stream().flatMap(d -> Projections.of(d).columns().stream()).distinct().toList();
        List<DomainCells> cells = new ArrayList<>();
        for (Domain domain : domains) {
            Projection projection = Projections.of(domain);
            int[] indexes = projection.columns().stream().mapToInt(c -> 1 + 2 * columns.indexOf(c)).toArray();
            cells.add(new DomainCells(domain, projection.key(1, 1).values().size() == 1, projection.columns(), indexes));
        }
        String cql = "SELECT " + table.keyColumns().get(1) + ", "
                + columns.stream().map(c -> c + ", WRITETIME(" + c + ")").collect(Collectors.joining(", "))
                + " FROM " + table.cqlName() + " WHERE " + table.keyColumns().get(0) + " = ?";
        return new TableQuery(table, cql, cells);
    }
}
