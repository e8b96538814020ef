package com.storefront.display.simulator;

import com.storefront.display.simulator.catalogue.Catalogue;
import com.storefront.display.simulator.fault.FaultSwitch;
import com.storefront.display.simulator.fault.Faults;
import com.storefront.display.simulator.producer.EventProducer;
import com.storefront.display.simulator.producer.EventSink;
import com.storefront.display.simulator.truth.SourceOfTruth;

/**
 * The upstream domains as a library: a deterministic source of truth, an event producer that changes
 * it and publishes to an {@link EventSink}, and the fault switch. The app serves it over HTTP; tests and
 * benchmarks may use it directly.
 */
public final class Simulator implements AutoCloseable {

    private final SourceOfTruth truth;
    private final FaultSwitch faults;
    private final SimulatorStats stats;
    private final EventProducer producer;

    /** A simulator publishing to the sink; {@code stats} counts what it does (the sink may count into it too). */
    public Simulator(SimulatorProperties properties, EventSink sink, SimulatorStats stats) {
        this.stats = stats;
        this.truth = new SourceOfTruth(new Catalogue(properties.catalogue()));
        this.faults = new FaultSwitch(new Faults(properties.eventFaults(), properties.sourceApiFaults()));
        this.producer = new EventProducer(truth, properties.catalogue().seed() + 1, sink,
                () -> faults.current().events(), stats, properties.producer());
    }

    public SourceOfTruth truth() {
        return truth;
    }

    public FaultSwitch faults() {
        return faults;
    }

    public SimulatorStats stats() {
        return stats;
    }

    public EventProducer producer() {
        return producer;
    }

    @Override
    public void close() {
        producer.close();
    }
}
