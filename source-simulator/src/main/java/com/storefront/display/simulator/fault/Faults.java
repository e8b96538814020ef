package com.storefront.display.simulator.fault;

/** Every fault knob of the simulator. */
public record Faults(EventFaults events, SourceApiFaults sourceApi) {

    public static final Faults NONE = new Faults(EventFaults.NONE, SourceApiFaults.NONE);

    public Faults {
        events = events == null ? EventFaults.NONE : events;
        sourceApi = sourceApi == null ? SourceApiFaults.NONE : sourceApi;
    }
}
