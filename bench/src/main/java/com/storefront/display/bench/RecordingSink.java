package com.storefront.display.bench;

import java.util.ArrayList;
import java.util.List;

import com.storefront.display.simulator.producer.EventSink;
import com.storefront.display.simulator.producer.OutgoingEvent;

/** Keeps what a simulator produces, so a benchmark can publish the same records every round. */
final class RecordingSink implements EventSink {

    private final List<OutgoingEvent> records;

    RecordingSink(int expected) {
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

    List<OutgoingEvent> records() {
        return records;
    }
}
