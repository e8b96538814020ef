package com.storefront.display.simulator.producer;

/**
 * One record on its way to Kafka.
 *
 * @param change the source change it reports, or 0 for none (the sequence number of the change)
 */
public record OutgoingEvent(String topic, String key, byte[] value, long change) {
}
