package com.storefront.display.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code display.api.*}: how the store-front reads behave.
 *
 * @param readTimeout     the longest a request waits for the read model, every page and statement
 *                        preparation included; past it the request is answered 503 (the driver's own
 *                        per-statement timeout, {@code spring.cassandra.request.timeout}, is shorter)
 * @param retryAfter      the {@code Retry-After} a 503 suggests to the store front
 * @param defaultPageSize products per page when a request names no {@code size}
 * @param cache           the near cache of shop responses and first product pages
 * @param maxInFlightReads the most Cassandra reads one instance waits for at once; a request that would
 *                        need one more is answered 503 at once ({@code Retry-After}), so that an overload
 *                        sheds requests instead of queueing them until every answer is late
 */
@ConfigurationProperties("display.api")
public record DisplayApiProperties(@DefaultValue("2s") Duration readTimeout, @DefaultValue("1s") Duration retryAfter,
                                   @DefaultValue("20") int defaultPageSize, @DefaultValue Cache cache,
                                   @DefaultValue("512") int maxInFlightReads) {

    /**
     * {@code display.api.cache.*}: hot shops are served from memory, never staler than the bound.
     *
     * @param maxStaleness the oldest a kept response may be, counted from its read; {@code 0} turns the cache off
     * @param maximumSize  responses kept per cache (shops; first pages), the least used evicted first
     */
    public record Cache(@DefaultValue("250ms") Duration maxStaleness, @DefaultValue("10000") long maximumSize) {

        public Cache {
            if (maxStaleness.isNegative()) {
                throw new IllegalArgumentException("display.api.cache.max-staleness must not be negative, was " + maxStaleness);
            }
            if (maximumSize < 1) {
                throw new IllegalArgumentException("display.api.cache.maximum-size must be positive, was " + maximumSize);
            }
        }
    }

    /** The page sizes docs/contracts.md allows. */
    public static final int MIN_PAGE_SIZE = 1;
    public static final int MAX_PAGE_SIZE = 100;

    public DisplayApiProperties {
        if (defaultPageSize < MIN_PAGE_SIZE || defaultPageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("display.api.default-page-size must be within " + MIN_PAGE_SIZE + ".."
                    + MAX_PAGE_SIZE + ", was " + defaultPageSize);
        }
        if (maxInFlightReads < 1) {
            throw new IllegalArgumentException("display.api.max-in-flight-reads must be positive, was " + maxInFlightReads);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("display.api.read-timeout must be positive, was " + readTimeout);
        }
    }
}
