package com.storefront.display.core.write;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One change to the read model, stamped with the source version of the change (epoch microseconds)
 * as its Cassandra write timestamp. Per-cell last-write-wins then makes every write idempotent and
 * order-independent: a duplicate or an older write is a no-op, and a delete shadows every older write.
 */
public sealed interface DisplayWrite {

    RowKey key();

    /** The source version, used as {@code USING TIMESTAMP}. */
    long timestamp();

    /** The statement text, {@code ... USING TIMESTAMP ? ... WHERE <key> = ?}; one text per shape. */
    String cql();

    /** The values in marker order: the timestamp, any column values, the key values. */
    List<Object> bindValues();

    /** Sets some columns of one row (or of a shop's static columns). */
    record Upsert(RowKey key, List<ColumnValue> columns, long timestamp) implements DisplayWrite {
        public Upsert {
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("an upsert sets at least one column");
            }
            if (columns.stream().anyMatch(c -> key.table().keyColumns().contains(c.column()))) {
                throw new IllegalArgumentException("key columns are set by the key, not as values: " + columns);
            }
        }

        @Override
        public String cql() {
            List<String> names = columns.stream().map(ColumnValue::column).toList();
            return DisplayCql.cached("U", key, names, () -> "UPDATE " + key.table().cqlName() + " USING TIMESTAMP ? SET "
                    + names.stream().map(c -> c + " = ?").collect(Collectors.joining(", ")) + DisplayCql.where(key));
        }

        @Override
        public List<Object> bindValues() {
            List<Object> values = new ArrayList<>(columns.size() + 3);
            values.add(timestamp);
            columns.forEach(c -> values.add(c.value()));
            values.addAll(key.values());
            return values;
        }
    }

    /** Clears some columns of one row: a domain withdrawing its data but not the row. */
    record DeleteColumns(RowKey key, List<String> columns, long timestamp) implements DisplayWrite {
        public DeleteColumns {
            columns = List.copyOf(columns);
            columns.forEach(ColumnValue::requireIdentifier);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a column delete names at least one column");
            }
        }

        @Override
        public String cql() {
            return DisplayCql.cached("C", key, columns, () -> "DELETE " + String.join(", ", columns) + " FROM "
                    + key.table().cqlName() + " USING TIMESTAMP ?" + DisplayCql.where(key));
        }

        @Override
        public List<Object> bindValues() {
            return DisplayCql.timestampThenKey(timestamp, key);
        }
    }

    /**
     * Deletes the rows of one shop partition whose clustering keys lie in {@code first..last}, inclusive,
     * with one range tombstone: it counts against Cassandra's tombstone thresholds as its two bound markers,
     * where a row tombstone per row counts one by one. Until compaction drops the rows it shadows, a read
     * that crosses them still reads them (not as tombstones).
     *
     * @param first the partition key and the first clustering key of the range
     * @param last  the last clustering key of the range, not less than the first
     */
    record DeleteRange(RowKey first, long last, long timestamp) implements DisplayWrite {
        public DeleteRange {
            if (first.values().size() != 2) {
                throw new IllegalArgumentException("a range delete starts at a clustering row, got " + first);
            }
            if (last < first.values().get(1)) {
                throw new IllegalArgumentException("an empty range: " + first.values().get(1) + ".." + last);
            }
        }

        @Override
        public RowKey key() {
            return first;
        }

        @Override
        public String cql() {
            String clustering = first.table().keyColumns().get(1);
            return DisplayCql.cached("R", first, List.of(), () -> "DELETE FROM " + first.table().cqlName() + " USING TIMESTAMP ? WHERE "
                    + first.table().keyColumns().get(0) + " = ? AND " + clustering + " >= ? AND " + clustering + " <= ?");
        }

        @Override
        public List<Object> bindValues() {
            List<Object> values = DisplayCql.timestampThenKey(timestamp, first);
            values.add(last);
            return values;
        }
    }

    /** Deletes a row, or a whole partition when the key is the partition key alone. */
    record Delete(RowKey key, long timestamp) implements DisplayWrite {

        @Override
        public String cql() {
            return DisplayCql.cached("D", key, List.of(),
                    () -> "DELETE FROM " + key.table().cqlName() + " USING TIMESTAMP ?" + DisplayCql.where(key));
        }

        @Override
        public List<Object> bindValues() {
            return DisplayCql.timestampThenKey(timestamp, key);
        }
    }
}
