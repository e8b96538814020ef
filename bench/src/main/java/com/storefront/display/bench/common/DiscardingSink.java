package com.storefront.display.bench.common;

import com.storefront.display.simulator.producer.EventSink;
import com.storefront.display.simulator.producer.OutgoingEvent;

/** A sink for a simulator whose truth a benchmark needs but whose events it does not. */
public final class DiscardingSink implements EventSink {

    @Override
    public void send(OutgoingEvent event) {
    }

    @Override
    public void flush() {
    }
}
