package com.storefront.display.simulator.producer;

/** Where published events go: Kafka in the app, anything countable in a test. */
public interface EventSink {

    /** Hands the record over; may return before it is acknowledged. */
    void send(OutgoingEvent event);

    /** Returns when every record handed over so far is acknowledged or has failed. */
    void flush();
}
