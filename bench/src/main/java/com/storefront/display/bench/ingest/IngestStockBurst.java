package com.storefront.display.bench.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.Compaction;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.simulator.SimulatorProperties;
import com.storefront.display.simulator.producer.DomainMix;
import com.storefront.display.simulator.producer.OutgoingEvent;

/**
 * Stock burst: many updates per product published at once; the writes to {@code shop_product} the app's
 * session ran (a batch counting as the writes it holds) divided by the products seen per poll must not
 * exceed 1 (coalescing per entity within a poll). Cassandra's own count
 * ({@code system_views.coordinator_write_latency}, one per partition mutation, so a shop's batch is one)
 * is logged beside it.
 */
final class IngestStockBurst {

    private static final Logger log = LoggerFactory.getLogger(IngestStockBurst.class);

    private IngestStockBurst() {
    }

    static void measure(BenchTable table, IngestApp app, Compaction cassandra, KafkaProducer<String, byte[]> producer,
                        Topics topics, int products, int updates, String run) throws Exception {
        List<OutgoingEvent> burst = BenchEvents.of(SimulatorProperties.of(7, Math.max(1, products / 100), products),
                DomainMix.only(Domain.STOCK), products * updates);
        Set<Long> distinct = new HashSet<>();
        burst.forEach(r -> distinct.add(EventCodec.decode(r.value()).entityId()));
        Map<TopicPartition, Long> from = app.endOffsets();
        BenchEvents.publish(producer, topics, burst);
        Map<TopicPartition, Long> to = app.endOffsets();
        double eventsBefore = app.counted("display.ingest.events");
        double coalescedBefore = app.counted("display.ingest.coalesced");
        long pollsBefore = app.polls();
        long mutationsBefore = cassandra.writes("shop_product");
        long writesBefore = app.shopProductWrites().statements();
        long requestsBefore = app.shopProductWrites().requests();
        app.drain("bench-burst-" + run, from, to);
        long mutations = cassandra.writes("shop_product") - mutationsBefore;
        long writes = app.shopProductWrites().statements() - writesBefore;
        long requests = app.shopProductWrites().requests() - requestsBefore;
        long polls = app.polls() - pollsBefore;
        double productsPerPoll = app.counted("display.ingest.events") - eventsBefore
                - (app.counted("display.ingest.coalesced") - coalescedBefore);
        log.info("stock burst: {} events for {} products in {} polls; {} products seen per poll in total; "
                        + "the app wrote {} statements to shop_product ({} events per write) in {} requests; "
                        + "Cassandra counted {} partition mutations", burst.size(), distinct.size(), polls, Math.round(productsPerPoll),
                writes, String.format("%.1f", burst.size() / (double) writes), requests, mutations);
        table.add(BenchTable.Row.atMost("stock burst: writes per product per poll", "writes", writes / productsPerPoll,
                burst.size() / productsPerPoll, 1.0));
    }
}
