package com.storefront.display.core.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Builds and caches the statement text of each write shape (kind, table, key depth, columns). */
final class DisplayCql {

    /** A write shape; its hash comes from the column names' cached hashes, so looking one up builds no text. */
    private record Shape(String kind, DisplayTable table, int keyDepth, List<String> columns) {
    }

    private static final Map<Shape, String> STATEMENTS = new ConcurrentHashMap<>();

    private DisplayCql() {
    }

    static String cached(String kind, RowKey key, List<String> columns, Supplier<String> build) {
        Shape shape = new Shape(kind, key.table(), key.values().size(), columns);
        String cql = STATEMENTS.get(shape);
        return cql != null ? cql : STATEMENTS.computeIfAbsent(shape, s -> build.get());
    }

    static String where(RowKey key) {
        return key.columns().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND ", " WHERE ", ""));
    }

    static List<Object> timestampThenKey(long timestamp, RowKey key) {
        List<Object> values = new ArrayList<>(key.values().size() + 1);
        values.add(timestamp);
        values.addAll(key.values());
        return values;
    }
}
