package com.storefront.display.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.storefront.display.bench.common.Latencies;

/**
 * Far more requests in flight than the instance serves at once, each with a timeout: how many were
 * answered 200, how many shed with a 503, how many not answered in time, and the p99 of the answered
 * 200s. wrk reports one latency distribution for every status, so this counts them apart.
 */
final class OverloadProbe {

    /** One overload run. */
    record Result(long ok, long shed, long timedOut, long otherStatus, double okPerSecond, double okP99Ms) {

        @Override
        public String toString() {
            return String.format("%,d ok (%,.0f/s, p99 %.1f ms), %,d shed (503), %,d not answered in time, %,d other",
                    ok, okPerSecond, okP99Ms, shed, timedOut, otherStatus);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code inFlight} requests at once for {@code seconds} against random shops, each timing out after {@code timeout}. */
    Result run(String baseUrl, String pathFormat, int shops, int inFlight, int seconds, Duration timeout) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        ConcurrentLinkedQueue<Long> okNanos = new ConcurrentLinkedQueue<>();
        AtomicLong shed = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            slots.acquire();
            long shop = 1 + ThreadLocalRandom.current().nextInt(shops);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + String.format(pathFormat, shop))).timeout(timeout).GET().build();
            long sent = System.nanoTime();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null) {
                    timedOut.incrementAndGet();
                } else if (response.statusCode() == 200) {
                    okNanos.add(System.nanoTime() - sent);
                } else if (response.statusCode() == 503) {
                    shed.incrementAndGet();
                } else {
                    other.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(inFlight);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = okNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double p99 = sorted.length == 0 ? Double.NaN : sorted[Latencies.rank(sorted.length, 0.99)] / 1e6;
        return new Result(sorted.length, shed.get(), timedOut.get(), other.get(), sorted.length / elapsed, p99);
    }
}
