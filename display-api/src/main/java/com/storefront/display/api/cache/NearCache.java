package com.storefront.display.api.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import reactor.core.publisher.Mono;

/**
 * A bounded in-process cache of read results whose entries are never older than {@code maxStaleness}:
 * an entry counts from the moment its read completed, and past the bound the next request reads again.
 * Concurrent misses for one key share one read (single flight); a failed read is not kept, so the next
 * request tries again. A bound of zero turns the cache off: every request reads.
 *
 * @param <K> what a response is read by
 * @param <V> the response, as it is served (empty for "not displayed", which is kept alike)
 */
public final class NearCache<K, V> {

    private final AsyncCache<K, Optional<V>> cache;

    /**
     * @param ticker the clock the bound is measured with (a fake one in tests)
     */
    NearCache(Duration maxStaleness, long maximumSize, Ticker ticker) {
        if (maxStaleness.isNegative()) {
            throw new IllegalArgumentException("display.api.cache.max-staleness must not be negative, was " + maxStaleness);
        }
        this.cache = maxStaleness.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(maxStaleness)
                .maximumSize(maximumSize)
                .ticker(ticker)
                // maintenance on the calling thread, which only tries the eviction lock: nothing waits
                // on the event loop, and no other pool is involved
                .executor(Runnable::run)
                .recordStats()
                .buildAsync();
    }

    /** A cache of the store front's responses, its hits and misses as {@code cache.*} meters tagged {@code cache=name}. */
    public static <K, V> NearCache<K, V> of(String name, Duration maxStaleness, long maximumSize, MeterRegistry meters) {
        NearCache<K, V> near = new NearCache<>(maxStaleness, maximumSize, Ticker.systemTicker());
        if (near.cache != null) {
            CaffeineCacheMetrics.monitor(meters, near.cache, name);
        }
        return near;
    }

    /**
     * The response for {@code key}: the kept one while it is within the bound, otherwise what {@code read}
     * gives, which then is kept. A subscriber that gives up (a request's timeout) does not cancel a read
     * that other requests wait for.
     */
    public Mono<Optional<V>> get(K key, Supplier<Mono<Optional<V>>> read) {
        if (cache == null) {
            return Mono.defer(read);
        }
        CompletableFuture<Optional<V>> shared = cache.get(key, (k, executor) -> read.get().toFuture());
        return Mono.fromFuture(shared, true);
    }

    /** Whether responses are kept at all ({@code max-staleness} above zero). */
    public boolean enabled() {
        return cache != null;
    }
}
