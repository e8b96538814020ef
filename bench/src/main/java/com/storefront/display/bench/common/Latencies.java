package com.storefront.display.bench.common;



/** Requests per second and latency percentiles of one measurement. */
public record Latencies(double perSecond, double p50Ms, double p99Ms) {

    @Override
    public String toString() {
        return String.format("%,.0f/s p50 %.1f ms p99 %.1f ms", perSecond, p50Ms, p99Ms);
    }
}
