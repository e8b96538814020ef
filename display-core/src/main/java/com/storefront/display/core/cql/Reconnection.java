package com.storefront.display.core.cql;

import java.time.Duration;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;

/**
 * How soon the driver reconnects to a Cassandra node that went down. Its default waits up to a minute
 * between attempts, so an app could stay cut off for a minute after a short outage; every app bounds the
 * wait by its own {@code reconnect-max-delay} (through a {@code DriverConfigLoaderBuilderCustomizer}).
 */
public final class Reconnection {

    private Reconnection() {
    }

    /** Exponential reconnection from at most 1 s up to {@code maxDelay}. */
    public static ProgrammaticDriverConfigLoaderBuilder atMost(ProgrammaticDriverConfigLoaderBuilder builder, Duration maxDelay) {
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("reconnect-max-delay must be positive, was " + maxDelay);
        }
        return builder.withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(Math.min(1_000, maxDelay.toMillis())))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, maxDelay);
    }
}
