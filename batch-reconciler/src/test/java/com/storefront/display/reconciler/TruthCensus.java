package com.storefront.display.reconciler;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.core.write.ColumnValue;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.simulator.Simulator;

/**
 * The read model against the simulator's truth, independently of the reconciler's own code: counts per
 * domain, and every source entity's cells (values and write times) checked one by one.
 */
final class TruthCensus {

    private TruthCensus() {
    }

    /** How many entities of each domain the source has. */
    static Map<Domain, Long> sourceCounts(Simulator simulator) {
        Map<Domain, Long> counts = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            long count = 0;
            long after = 0;
            SourcePage page;
            do {
                page = simulator.truth().export(domain, after, 10_000);
                count += page.items().size();
                after = page.next() == null ? 0 : page.next();
            } while (page.next() != null);
            counts.put(domain, count);
        }
        return counts;
    }

    /** How many entities of each domain the read model holds (an entity counts when its first column has a value). */
    static Map<Domain, Long> readModelCounts(CqlSession session) {
        Map<Domain, Long> counts = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            counts.put(domain, 0L);
        }
        for (Row row : session.execute("SELECT name, stock_quantity, sale_price FROM shop_product")) {
            add(counts, Domain.PRODUCT, row.getObject(0));
            add(counts, Domain.STOCK, row.getObject(1));
            add(counts, Domain.PRICE, row.getObject(2));
        }
        for (Row row : session.execute("SELECT coupon_id, coupon_name FROM shop")) {
            add(counts, Domain.COUPON, row.getObject(1));
        }
        // static columns: once per partition
        for (Row row : session.execute("SELECT DISTINCT shop_id, name, rating_count FROM shop")) {
            add(counts, Domain.SHOP, row.getObject(1));
            add(counts, Domain.REVIEW, row.getObject(2));
        }
        return counts;
    }

    private static void add(Map<Domain, Long> counts, Domain domain, Object value) {
        if (value != null) {
            counts.merge(domain, 1L, Long::sum);
        }
    }

    /**
     * Every difference between the source's entities of shops 1..shops and their cells in the read model:
     * a value that differs, or a cell older than the source version (a mismatch repair is 1 us newer).
     */
    static List<String> differences(Simulator simulator, CqlSession session, int shops) {
        return differences(simulator, session, shops, List.of(Domain.values()));
    }

    /** As {@link #differences(Simulator, CqlSession, int)}, for some domains only. */
    static List<String> differences(Simulator simulator, CqlSession session, int shops, List<Domain> domains) {
        List<String> differences = new ArrayList<>();
        for (long shop = 1; shop <= shops; shop++) {
            for (Domain domain : domains) {
                for (SourceItem item : simulator.truth().listShop(domain, shop)) {
                    DisplayWrite.Upsert upsert = (DisplayWrite.Upsert) Projections.of(domain).upsert(item);
                    differences.addAll(cellDifferences(session, item, upsert));
                }
            }
        }
        return differences;
    }

    private static List<String> cellDifferences(CqlSession session, SourceItem item, DisplayWrite.Upsert upsert) {
        List<String> differences = new ArrayList<>();
        List<String> columns = upsert.columns().stream().map(ColumnValue::column).toList();
        String where = String.join(" AND ", upsert.key().columns().stream().map(k -> k + " = ?").toList());
        Row row = session.execute(session.prepare("SELECT " + String.join(", ", columns) + ", "
                + String.join(", ", columns.stream().map(c -> "WRITETIME(" + c + ")").toList()) + " FROM "
                + upsert.key().table().cqlName() + " WHERE " + where + " LIMIT 1").bind(upsert.key().values().toArray())).one();
        for (int i = 0; i < columns.size(); i++) {
            Object expected = upsert.columns().get(i).value() instanceof java.time.Instant instant
                    ? instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) : upsert.columns().get(i).value();
            Object stored = row == null ? null : row.getObject(i);
            Long writeTime = row == null || row.isNull(columns.size() + i) ? null : row.getLong(columns.size() + i);
            if (!String.valueOf(expected).equals(String.valueOf(stored)) || writeTime == null || writeTime < item.version()) {
                differences.add(item.domain().sourcePath() + " " + item.id() + " " + columns.get(i) + ": source "
                        + expected + "@" + item.version() + ", read model " + stored + "@" + writeTime);
            }
        }
        return differences;
    }
}
