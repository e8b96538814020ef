package com.storefront.display.simulator.fault;

import java.util.concurrent.atomic.AtomicReference;

import com.storefront.display.simulator.SettingsPatch;

import tools.jackson.databind.JsonNode;

/** The faults in force now; changed at runtime by the control API or a test. */
public final class FaultSwitch {

    private final AtomicReference<Faults> current;

    public FaultSwitch(Faults initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Faults current() {
        return current.get();
    }

    public void set(Faults faults) {
        current.set(faults);
    }

    /**
     * Applies a partial update ({@link SettingsPatch}): {@code {"events": {"dropPercent": 2}}} leaves every
     * other knob as it is.
     *
     * @return the faults now in force
     * @throws IllegalArgumentException naming the field when a value is invalid or unknown
     */
    public Faults merge(JsonNode update) {
        return current.updateAndGet(faults -> SettingsPatch.apply(faults, update, Faults.class));
    }
}
