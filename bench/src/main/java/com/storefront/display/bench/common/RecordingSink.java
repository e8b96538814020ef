package com.storefront.display.bench.common;

import java.util.ArrayList;
import java.util.List;

import com.storefront.display.simulator.producer.EventSink;
import com.storefront.display.simulator.producer.OutgoingEvent;

/** Keeps what a simulator produces, so a benchmark can publish the same records every round. */
public final class RecordingSink implements EventSink {

    private final List<OutgoingEvent> records;

    public RecordingSink(int expected) {
        this.records = new ArrayList<>(expected);
    }

    @Override
    public void send(OutgoingEvent event) {
        records.add(event);
    }

    @Override
    public void flush() {
        // nothing in flight: every record is kept as it is sent
    }

    public List<OutgoingEvent> records() {
        return records;
    }
}
