package com.storefront.display.core.write;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One column a domain sets. A null value clears the cell (as of the write's timestamp).
 *
 * @param column the CQL column name, lower snake case
 * @param value  a Java value of the column's CQL type: Long for bigint, Integer for int, Double for
 *               double, String for text, Instant for timestamp
 */
public record ColumnValue(String column, Object value) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    public ColumnValue {
        requireIdentifier(column);
    }

    public static ColumnValue of(String column, Object value) {
        return new ColumnValue(column, value);
    }

    /** Column names seen valid: every write checks its columns, and the set of names is small. */
    private static final Set<String> VALID = ConcurrentHashMap.newKeySet();

    static String requireIdentifier(String column) {
        if (column != null && VALID.contains(column)) {
            return column;
        }
        if (column == null || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        if (VALID.size() < 1_000) {
            VALID.add(column);
        }
        return column;
    }
}
