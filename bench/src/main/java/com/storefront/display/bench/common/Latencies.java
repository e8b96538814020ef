package com.storefront.display.bench.common;



/** Requests per second and latency percentiles of one measurement. */
public record Latencies(double perSecond, double p50Ms, double p99Ms) {

    /** The index of the p-quantile in {@code size} sorted samples (the nearest rank), for {@code size > 0}. */
    public static int rank(int size, double p) {
        return (int) Math.min(size - 1, Math.ceil(size * p) - 1);
    }

    @Override
    public String toString() {
        return String.format("%,.0f/s p50 %.1f ms p99 %.1f ms", perSecond, p50Ms, p99Ms);
    }
}
