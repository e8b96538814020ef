package com.storefront.display.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.storefront.display.bench.common.Latencies;
import com.storefront.display.bench.simulator.SimulatorBenchmark;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.ShopState.ShopStatus;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.source.SourceVersions;

/**
 * Freshness where the store front sees it: beside the freshness stream, a marked change to one of a few
 * shops of its own (ids past the catalogue's, so no streamed event overwrites the mark) every
 * {@code interval}, its {@code occurredAt} now; then {@code GET /api/shops/{id}} is polled every 10 ms
 * until the shop's name is the mark. Each figure is the time from the change's {@code occurredAt} to the
 * response that showed it: Kafka, ingest, Cassandra and display-api with its near cache.
 */
final class ApiFreshness implements AutoCloseable {

    private static final int MARKED_SHOPS = 4;
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    /** One marked change: when it was made and how long until the API showed it. */
    record Sample(long madeAtNanos, double visibleAfterMs) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Topics topics;
    private final String apiBaseUrl;
    private final long firstShop;
    private final Duration interval;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopped;

    ApiFreshness(String bootstrapServers, Topics topics, String apiBaseUrl, int catalogueShops, Duration interval) {
        Map<String, Object> config = SimulatorBenchmark.producerConfig(bootstrapServers);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        this.apiBaseUrl = apiBaseUrl;
        this.firstShop = catalogueShops + 1L;
        this.interval = interval;
        this.thread = new Thread(this::run, "api-freshness");
        thread.start();
    }

    private void run() {
        try {
            for (long n = 0; !stopped; n++) {
                long next = System.nanoTime() + interval.toNanos();
                long shop = firstShop + n % MARKED_SHOPS;
                String mark = "mark-" + n;
                long made = System.nanoTime();
                Instant now = Instant.now();
                DomainEvent change = new DomainEvent(UUID.randomUUID(), EventType.SHOP_UPSERTED, 1, now, shop, shop, SourceVersions.of(now),
                        new ShopState(shop * 10, mark, "bench", ShopStatus.OPEN, 3000, 12000));
                producer.send(new ProducerRecord<>(topics.of(Domain.SHOP), change.key(), EventCodec.encode(change))).get();
                awaitVisible(shop, mark, made);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    private void awaitVisible(long shop, String mark, long made) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBaseUrl + "/api/shops/" + shop)).timeout(Duration.ofSeconds(2)).GET().build();
        while (!stopped) {
            if (shows(request, mark)) {
                samples.add(new Sample(made, (System.nanoTime() - made) / 1e6));
                return;
            }
            if (System.nanoTime() - made > GIVE_UP.toNanos()) {
                throw new IllegalStateException(mark + " of shop " + shop + " not visible through the API within " + GIVE_UP);
            }
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        }
    }

    /** Whether the API answers with the mark now; a poll that fails or times out (a loaded machine) shows nothing yet. */
    private boolean shows(HttpRequest request, String mark) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"name\":\"" + mark + "\"");
        } catch (IOException notNow) {
            return false;
        }
    }

    /** The p-quantile of the samples of changes made after {@code sinceNanos}, in ms; NaN without any. */
    double quantileMillis(double p, long sinceNanos) {
        double[] sorted = samples.stream().filter(s -> s.madeAtNanos() >= sinceNanos).mapToDouble(Sample::visibleAfterMs).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[Latencies.rank(sorted.length, p)];
    }

    long count(long sinceNanos) {
        return samples.stream().filter(s -> s.madeAtNanos() >= sinceNanos).count();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
        producer.close();
        if (failure.get() != null) {
            throw new IllegalStateException("the API freshness probe failed", failure.get());
        }
    }
}
