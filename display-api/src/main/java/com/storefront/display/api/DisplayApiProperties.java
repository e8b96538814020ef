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
 */
@ConfigurationProperties("display.api")
public record DisplayApiProperties(@DefaultValue("2s") Duration readTimeout, @DefaultValue("1s") Duration retryAfter,
                                   @DefaultValue("20") int defaultPageSize) {

    /** The page sizes docs/contracts.md allows. */
    public static final int MIN_PAGE_SIZE = 1;
    public static final int MAX_PAGE_SIZE = 100;

    public DisplayApiProperties {
        if (defaultPageSize < MIN_PAGE_SIZE || defaultPageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("display.api.default-page-size must be within " + MIN_PAGE_SIZE + ".."
                    + MAX_PAGE_SIZE + ", was " + defaultPageSize);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("display.api.read-timeout must be positive, was " + readTimeout);
        }
    }
}
