package com.storefront.display.simulator.fault;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the event stream misbehaves. Percentages are 0..100 of changes. A dropped, malformed or
 * unknown-type event still changed the source of truth: that is the drift reconciliation repairs.
 *
 * @param dropPercent        changes whose event is never published
 * @param duplicatePercent   events published twice (same bytes, same event id)
 * @param reorderWindow      events leave in random order within a window of this many (0 or 1: in order)
 * @param delayPercent       events held back by {@code delayMillis} (others overtake them)
 * @param malformedPercent   events replaced by bytes that are not JSON
 * @param unknownTypePercent events published with a type no consumer knows
 */
public record EventFaults(@DefaultValue("0") double dropPercent, @DefaultValue("0") double duplicatePercent,
                          @DefaultValue("0") int reorderWindow, @DefaultValue("0") double delayPercent,
                          @DefaultValue("0") long delayMillis, @DefaultValue("0") double malformedPercent,
                          @DefaultValue("0") double unknownTypePercent) {

    public static final EventFaults NONE = new EventFaults(0, 0, 0, 0, 0, 0, 0);

    public EventFaults {
        Percent.require(dropPercent, "dropPercent");
        Percent.require(duplicatePercent, "duplicatePercent");
        Percent.require(delayPercent, "delayPercent");
        Percent.require(malformedPercent, "malformedPercent");
        Percent.require(unknownTypePercent, "unknownTypePercent");
        if (reorderWindow < 0 || reorderWindow > 100_000) {
            throw new IllegalArgumentException("reorderWindow must be 0..100000, was " + reorderWindow);
        }
        if (delayMillis < 0 || delayMillis > 600_000) {
            throw new IllegalArgumentException("delayMillis must be 0..600000, was " + delayMillis);
        }
    }
}
