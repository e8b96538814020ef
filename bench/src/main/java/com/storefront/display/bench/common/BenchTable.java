package com.storefront.display.bench.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The one output format of every benchmark: each figure next to its raw ceiling measured in the same
 * run, their ratio, the target and whether it is met. Medians over rounds, never single times.
 */
public final class BenchTable {

    /**
     * @param ratioTarget minimum ratio to the ceiling, or NaN when only the absolute target counts
     * @param absoluteTarget minimum value (maximum when {@code atMost}), or NaN when only the ratio counts
     * @param atMost true for figures where lower is better (latency, writes per item): the value must
     *               not exceed {@code absoluteTarget}
     */
    public record Row(String figure, String unit, double value, double ceiling, double ratioTarget, double absoluteTarget,
                      boolean atMost) {

        public Row(String figure, String unit, double value, double ceiling, double ratioTarget, double absoluteTarget) {
            this(figure, unit, value, ceiling, ratioTarget, absoluteTarget, false);
        }

        /** A lower-is-better figure against its limit; the ceiling column shows what it is compared with. */
        public static Row atMost(String figure, String unit, double value, double ceiling, double limit) {
            return new Row(figure, unit, value, ceiling, Double.NaN, limit, true);
        }

        double ratio() {
            return value / ceiling;
        }

        boolean pass() {
            if (atMost) {
                return value <= absoluteTarget;
            }
            return (Double.isNaN(ratioTarget) || ratio() >= ratioTarget)
                    && (Double.isNaN(absoluteTarget) || value >= absoluteTarget);
        }

        String target() {
            List<String> parts = new ArrayList<>();
            if (!Double.isNaN(absoluteTarget)) {
                parts.add((atMost ? "<= " : ">= ") + format(absoluteTarget) + " " + unit);
            }
            if (!Double.isNaN(ratioTarget)) {
                parts.add("ratio >= " + ratioTarget);
            }
            return String.join(", ", parts);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(Row row) {
        rows.add(row);
    }

    public boolean allPass() {
        return rows.stream().allMatch(Row::pass);
    }

    public String render() {
        StringBuilder out = new StringBuilder(String.format("%-34s %16s %16s %7s  %-32s %s%n", "figure", "value (median)",
                "ceiling (median)", "ratio", "target", "result"));
        for (Row row : rows) {
            out.append(String.format("%-34s %16s %16s %7.2f  %-32s %s%n", row.figure(), format(row.value()) + " " + row.unit(),
                    format(row.ceiling()) + " " + row.unit(), row.ratio(), row.target(), row.pass() ? "PASS" : "FAIL"));
        }
        return out.toString();
    }

    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String format(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
