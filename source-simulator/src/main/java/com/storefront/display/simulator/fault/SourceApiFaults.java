package com.storefront.display.simulator.fault;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the source APIs misbehave.
 *
 * @param errorPercent  requests answered 503 at random, 0..100
 * @param latencyMillis added to every request
 * @param outage        every request answered 503
 */
public record SourceApiFaults(@DefaultValue("0") double errorPercent, @DefaultValue("0") long latencyMillis,
                              @DefaultValue("false") boolean outage) {

    public static final SourceApiFaults NONE = new SourceApiFaults(0, 0, false);

    public SourceApiFaults {
        Percent.require(errorPercent, "errorPercent");
        if (latencyMillis < 0 || latencyMillis > 600_000) {
            throw new IllegalArgumentException("latencyMillis must be 0..600000, was " + latencyMillis);
        }
    }
}
