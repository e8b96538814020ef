package com.storefront.display.reconciler.reconcile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.cassandra.core.cql.CqlOperations;
import org.springframework.data.cassandra.core.cql.RowCallbackHandler;

import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.write.DisplayTable;

/**
 * Reads what the read model holds for one shop, per domain and entity, with each cell's write time:
 * one single-partition query per table, whatever the number of domains. Which columns and rows belong
 * to which domain comes from the projections.
 */
public final class ReadModelShop {

    private record TableQuery(DisplayTable table, String cql, List<Domain> domains) {
    }

    private final CqlOperations cql;
    private final List<TableQuery> queries = new ArrayList<>();

    public ReadModelShop(CqlOperations cql) {
        this.cql = cql;
        Map<DisplayTable, List<Domain>> byTable = new EnumMap<>(DisplayTable.class);
        for (Domain domain : Domain.values()) {
            byTable.computeIfAbsent(Projections.of(domain).key(1, 1).table(), t -> new ArrayList<>()).add(domain);
        }
        byTable.forEach((table, domains) -> queries.add(new TableQuery(table, select(table, domains), domains)));
    }

    /** Every domain's entities in the shop, by domain then entity id; a domain with none maps to an empty map. */
    public Map<Domain, Map<Long, StoredEntity>> read(long shopId) {
        Map<Domain, Map<Long, StoredEntity>> found = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            found.put(domain, new HashMap<>());
        }
        for (TableQuery query : queries) {
            cql.query(query.cql(), (RowCallbackHandler) row -> collect(row, shopId, query.domains(), found), shopId);
        }
        return found;
    }

    private static void collect(Row row, long shopId, List<Domain> domains, Map<Domain, Map<Long, StoredEntity>> found) {
        Object clustering = row.getObject(0);
        for (Domain domain : domains) {
            Projection projection = Projections.of(domain);
            boolean partitionLevel = projection.key(1, 1).values().size() == 1;
            if (!partitionLevel && clustering == null) {
                continue;
            }
            long entityId = partitionLevel ? shopId : ((Number) clustering).longValue();
            StoredEntity entity = entity(row, projection.columns());
            if (entity != null) {
                found.get(domain).putIfAbsent(entityId, entity);
            }
        }
    }

    private static StoredEntity entity(Row row, List<String> columns) {
        Map<String, Object> values = new HashMap<>();
        long writeTime = Long.MIN_VALUE;
        for (String column : columns) {
            Object value = row.getObject(column);
            if (value != null) {
                values.put(column, value);
                writeTime = Math.max(writeTime, row.getLong(writeTimeAlias(column)));
            }
        }
        return values.isEmpty() ? null : new StoredEntity(values, writeTime);
    }

    private static String select(DisplayTable table, List<Domain> domains) {
        List<String> columns = domains.stream().flatMap(d -> Projections.of(d).columns().stream()).distinct().toList();
        String clustering = table.keyColumns().get(1);
        return "SELECT " + clustering + ", " + columns.stream().map(c -> c + ", WRITETIME(" + c + ") AS " + writeTimeAlias(c))
                .collect(Collectors.joining(", ")) + " FROM " + table.cqlName() + " WHERE " + table.keyColumns().get(0) + " = ?";
    }

    private static String writeTimeAlias(String column) {
        return "wt_" + column;
    }
}
