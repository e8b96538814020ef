package com.storefront.display.simulator.producer;

import com.storefront.display.core.domain.Domain;

/**
 * One record on its way to Kafka, to its domain's topic.
 *
 * @param change the source change it reports, or 0 for none (the sequence number of the change)
 */
public record OutgoingEvent(Domain domain, String key, byte[] value, long change) {
}
