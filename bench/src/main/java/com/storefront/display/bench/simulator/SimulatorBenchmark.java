package com.storefront.display.bench.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.storefront.display.bench.common.BenchMain;
import com.storefront.display.bench.common.BenchOptions;
import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.DiscardingSink;
import com.storefront.display.bench.common.RecordingSink;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.simulator.Simulator;
import com.storefront.display.simulator.SimulatorProperties;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.simulator.producer.KafkaEventSink;
import com.storefront.display.simulator.producer.OutgoingEvent;
import com.storefront.display.simulator.truth.SourceOfTruth;

/**
 * The simulator's two throughput figures on the local stack, each with its ceiling from the same run:
 * export products/s over HTTP against the in-process export of the same catalogue, and producer
 * events/s against a plain KafkaProducer sending the same records with the same settings.
 */
public final class SimulatorBenchmark {

    /** The benchmark's own topics: its events never reach the demo's or a test's consumers. */
    private static final Topics BENCH_TOPICS = new Topics("bench-simulator.");

    private static final Logger log = LoggerFactory.getLogger(SimulatorBenchmark.class);

    private final int shops;
    private final long products;
    private final int events;
    private final int rounds;
    private final int warmups;

    private SimulatorBenchmark(Map<String, String> args) {
        this.shops = Integer.parseInt(args.getOrDefault("shops", "10000"));
        this.products = Long.parseLong(args.getOrDefault("products", "1000000"));
        this.events = Integer.parseInt(args.getOrDefault("events", "300000"));
        this.rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
        this.warmups = Integer.parseInt(args.getOrDefault("warmups", "1"));
    }

    public static void main(String[] args) throws Exception {
        SimulatorBenchmark bench = new SimulatorBenchmark(BenchOptions.parse(args));
        BenchMain.run((table, stack) -> {
            bench.export(table, stack.kafkaBootstrapServers());
            bench.produce(table, stack.kafkaBootstrapServers());
        }, () -> "source-simulator benchmark: " + bench.shops + " shops, " + bench.products + " products, "
                + bench.events + " events per round, " + bench.rounds + " rounds");
    }

    private void export(BenchTable table, String kafka) throws Exception {
        SimulatorProperties properties = SimulatorProperties.of(42, shops, products);
        List<Double> inProcess = new ArrayList<>();
        List<Double> overHttp = new ArrayList<>();
        try (EmbeddedSimulator embedded = EmbeddedSimulator.start(Map.of("spring.kafka.bootstrap-servers", kafka,
                "display.simulator.catalogue.shops", Integer.toString(shops),
                "display.simulator.catalogue.products", Long.toString(products),
                "logging.level.root", "WARN", "display.topics.prefix", BENCH_TOPICS.prefix()))) {
            HttpClient http = HttpClient.newHttpClient();
            SourceOfTruth truth = new Simulator(properties, new DiscardingSink(), new SimulatorStats()).truth();
            for (int round = 1 - warmups; round <= rounds; round++) {
                if (round < 1) {
                    exportInProcess(truth);
                    exportOverHttp(http, embedded.baseUrl());
                    continue;
                }
                inProcess.add(rate(products, () -> exportInProcess(truth)));
                overHttp.add(rate(products, () -> exportOverHttp(http, embedded.baseUrl())));
                log.info("export round {}: in-process {}/s, HTTP {}/s", round, Math.round(inProcess.get(round - 1)),
                        Math.round(overHttp.get(round - 1)));
            }
        }
        table.add(new BenchTable.Row("export over HTTP, 5000/page", "products/s", BenchTable.median(overHttp),
                BenchTable.median(inProcess), Double.NaN, 50_000));
    }

    private void produce(BenchTable table, String kafka) throws Exception {
        Map<String, Object> config = producerConfig(kafka);
        List<OutgoingEvent> records = recordsOfARound();
        List<Double> raw = new ArrayList<>();
        List<Double> simulated = new ArrayList<>();
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
            for (int round = 1 - warmups; round <= rounds; round++) {
                double rawRate = rate(events, () -> {
                    records.forEach(r -> producer.send(new ProducerRecord<>(BENCH_TOPICS.of(r.domain()), r.key(), r.value())));
                    producer.flush();
                });
                SimulatorStats stats = new SimulatorStats();
                Simulator simulator = new Simulator(SimulatorProperties.of(42 + round + warmups, shops, products),
                        new KafkaEventSink(template, stats, BENCH_TOPICS), stats);
                simulator.producer().update(simulator.producer().settings().withRate(0));
                double simulatedRate = rate(events, () -> simulator.producer().produce(events));
                Simulator unpublished = new Simulator(SimulatorProperties.of(42 + round + warmups, shops, products),
                        new DiscardingSink(), new SimulatorStats());
                unpublished.producer().update(unpublished.producer().settings().withRate(0));
                double generatorRate = rate(events, () -> unpublished.producer().produce(events));
                if (stats.sendErrors.get() > 0) {
                    throw new IllegalStateException(stats.sendErrors.get() + " events failed to publish");
                }
                log.info("produce round {}{}: raw {}/s, simulator {}/s (without Kafka {}/s)", round,
                        round < 1 ? " (warm-up)" : "", Math.round(rawRate), Math.round(simulatedRate), Math.round(generatorRate));
                if (round >= 1) {
                    raw.add(rawRate);
                    simulated.add(simulatedRate);
                }
            }
        } finally {
            factory.destroy();
        }
        table.add(new BenchTable.Row("producer to Kafka (stock-heavy mix)", "events/s", BenchTable.median(simulated),
                BenchTable.median(raw), Double.NaN, 50_000));
    }

    /** The records a round publishes, made once by a simulator with the same seed and mix. */
    private List<OutgoingEvent> recordsOfARound() {
        RecordingSink sink = new RecordingSink(events);
        Simulator simulator = new Simulator(SimulatorProperties.of(42, shops, products), sink, new SimulatorStats());
        simulator.producer().update(simulator.producer().settings().withRate(0));
        simulator.producer().produce(events);
        return sink.records();
    }

    /** The producer settings of source-simulator's application.yaml. */
    public static Map<String, Object> producerConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** The ceiling of an export: the same pages made, written as JSON and read back, without HTTP. */
    private static void exportInProcess(SourceOfTruth truth) {
        Long after = 0L;
        while (after != null) {
            byte[] body = DomainJson.MAPPER.writeValueAsBytes(truth.export(Domain.PRODUCT, after, 5_000));
            after = SourcePage.fromJson(Domain.PRODUCT, body).next();
        }
    }

    private static void exportOverHttp(HttpClient http, String baseUrl) {
        try {
            Long after = 0L;
            while (after != null) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/source/products?limit=5000&after=" + after)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("export answered " + response.statusCode());
                }
                after = SourcePage.fromJson(Domain.PRODUCT, response.body()).next();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double rate(long items, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return items / ((System.nanoTime() - start) / 1e9);
    }
}
