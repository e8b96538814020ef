package com.storefront.display.simulator.producer;

import java.util.ArrayList;
import java.util.List;

/** Keeps what the pipeline published, in order, for the fault tests (the Kafka path has its own IT). */
final class RecordingSink implements EventSink {

    final List<OutgoingEvent> sent = new ArrayList<>();
    int flushes;

    @Override
    public void send(OutgoingEvent event) {
        sent.add(event);
    }

    @Override
    public void flush() {
        flushes++;
    }
}
