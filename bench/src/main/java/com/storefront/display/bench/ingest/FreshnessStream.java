package com.storefront.display.bench.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.storefront.display.bench.simulator.SimulatorBenchmark;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.simulator.truth.VersionClock;

/**
 * The freshness stream: the throughput rounds' events again, in their order, at a steady rate, each
 * stamped as it is sent (version and {@code occurredAt} now, as an upstream domain stamps a change).
 * It stands in for the upstream producers, which run on their own machines: it shares this JVM and
 * these two cores with stream-ingest, so it is kept cheap. The simulator, with its source of truth and
 * its producer thread, took about two fifths of this JVM's CPU samples here, and its lz4 batches (64 KiB
 * of buffers per batch, a few records each at this rate) made about two thirds of the JVM's
 * allocation: young pauses of 60-110 ms every second, which stream-ingest, in the same JVM, sat through.
 */
final class FreshnessStream implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final List<DomainEvent> events;
    private final double rate;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopped;

    FreshnessStream(String bootstrapServers, Topics topics, List<DomainEvent> events, double rate) {
        this.topics = topics;
        Map<String, Object> config = SimulatorBenchmark.producerConfig(bootstrapServers);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.events = events;
        this.rate = rate;
        this.thread = new Thread(this::run, "freshness-stream");
        thread.start();
    }

    private void run() {
        try {
            stream();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void stream() {
        long start = System.nanoTime();
        VersionClock clock = new VersionClock(Instant.EPOCH);
        for (long n = 0; !stopped && failure.get() == null; n++) {
            long due = start + (long) (n * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(wait, 1_000_000));
            }
            DomainEvent event = events.get((int) (n % events.size()));
            long version = clock.next();
            DomainEvent stamped = new DomainEvent(event.eventId(), event.type(), event.schemaVersion(),
                    SourceVersions.instant(version), event.shopId(), event.entityId(), version, event.payload());
            producer.send(new ProducerRecord<>(topics.of(event.type().domain()), event.key(),
                    EventCodec.encode(stamped, event.schemaVersion())), (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
            sent.incrementAndGet();
        }
    }

    long sent() {
        return sent.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
        producer.close();
        if (failure.get() != null) {
            throw new IllegalStateException("the freshness stream could not publish", failure.get());
        }
    }
}
