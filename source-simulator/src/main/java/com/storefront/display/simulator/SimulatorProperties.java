package com.storefront.display.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.storefront.display.simulator.catalogue.CatalogueSettings;
import com.storefront.display.simulator.fault.EventFaults;
import com.storefront.display.simulator.fault.SourceApiFaults;
import com.storefront.display.simulator.producer.ProducerSettings;

/**
 * Everything about a simulator, {@code display.simulator.*}. The defaults are the demo: 2,000 shops,
 * 200k products, a stock-heavy stream of 100 changes/s, no faults.
 *
 * @param streamOnStart   start the steady event stream when the app starts
 * @param topicPartitions partitions of the six domain topics when the simulator creates them
 */
@ConfigurationProperties("display.simulator")
public record SimulatorProperties(@DefaultValue CatalogueSettings catalogue, @DefaultValue ProducerSettings producer,
                                  @DefaultValue EventFaults eventFaults, @DefaultValue SourceApiFaults sourceApiFaults,
                                  @DefaultValue("true") boolean streamOnStart, @DefaultValue("12") int topicPartitions) {

    /** The demo catalogue with the given size and seed, no faults, no stream on start. */
    public static SimulatorProperties of(long seed, int shops, long products) {
        return new SimulatorProperties(CatalogueSettings.of(seed, shops, products), ProducerSettings.DEFAULT,
                EventFaults.NONE, SourceApiFaults.NONE, false, 12);
    }
}
