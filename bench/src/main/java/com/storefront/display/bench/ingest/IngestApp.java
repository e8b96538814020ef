package com.storefront.display.bench.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.storefront.display.ingest.batch.DomainListeners;
import com.storefront.display.localstack.kafka.KafkaPositions;
import com.storefront.display.testkit.cassandra.StatementCount;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * stream-ingest in-process (its real Spring context, listener stopped until a measurement starts it
 * under a consumer group of the benchmark's choosing), and what its meters say.
 */
final class IngestApp {

    /** One container per domain (stream-ingest's bulkhead); a measurement runs them all. */
    private final List<MessageListenerContainer> containers;
    private final MeterRegistry meters;
    private final KafkaPositions kafka;
    private final List<String> topics;
    private final StatementCount shopProductWrites;

    IngestApp(ConfigurableApplicationContext context, KafkaPositions kafka, List<String> topics) {
        this.containers = List.copyOf(context.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainersMatching(id -> id.startsWith(DomainListeners.ID_PREFIX)));
        this.meters = context.getBean(MeterRegistry.class);
        this.kafka = kafka;
        this.topics = topics;
        this.shopProductWrites = context.getBean(StatementCount.class);
    }

    /** The writes to {@code shop_product} the app's session ran so far, a batch counting as the writes it holds. */
    StatementCount shopProductWrites() {
        return shopProductWrites;
    }

    /**
     * Drains the records between {@code from} and {@code to} with a new consumer group and returns
     * events/s, timed from the first written poll (group join excluded) to the last commit.
     */
    double drain(String group, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) throws Exception {
        return drainTraced(group, from, to, Long.MAX_VALUE, (seconds, events, polls) -> { }).rate();
    }

    /** A drain's rate (events/s) and seconds from the first written poll to the last commit. */
    record Drained(double rate, double seconds) {
    }

    /**
     * Called every {@code traceMillis} of a drain with the seconds since its first written poll, the
     * events and the polls written since.
     */
    interface Trace {
        void sample(double seconds, double events, long polls);
    }

    /** {@link #drain}, calling {@code trace} on the way: how the rate ramps up. */
    Drained drainTraced(String group, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, long traceMillis, Trace trace)
            throws Exception {
        long total = BenchEvents.between(from, to);
        kafka.startGroupAt(group, from);
        double before = counted("display.ingest.events");
        start(group);
        while (counted("display.ingest.events") == before) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        long start = System.nanoTime();
        double atStart = counted("display.ingest.events") - before;
        long pollsAtStart = polls();
        long nextTrace = start + TimeUnit.MILLISECONDS.toNanos(traceMillis);
        while (!reached(group, to)) {
            TimeUnit.MILLISECONDS.sleep(50);
            if (System.nanoTime() >= nextTrace) {
                trace.sample((System.nanoTime() - start) / 1e9, counted("display.ingest.events") - before - atStart,
                        polls() - pollsAtStart);
                nextTrace += TimeUnit.MILLISECONDS.toNanos(traceMillis);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stop();
        return new Drained((total - atStart) / seconds, seconds);
    }

    /** Starts a new group at the current end of the topics; returns once it owns every partition. */
    void follow(String group) throws Exception {
        Map<TopicPartition, Long> end = endOffsets();
        kafka.startGroupAt(group, end);
        start(group);
        while (assigned() < end.size()) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    void stop() {
        containers.forEach(MessageListenerContainer::stop);
    }

    private void start(String group) {
        for (MessageListenerContainer container : containers) {
            container.getContainerProperties().setGroupId(group);
            container.start();
        }
    }

    private int assigned() {
        return containers.stream().mapToInt(c -> c.getAssignedPartitions() == null ? 0 : c.getAssignedPartitions().size()).sum();
    }

    Map<TopicPartition, Long> endOffsets() throws Exception {
        return kafka.endOffsets(topics);
    }

    double counted(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Polls written so far: the write-latency timer records one sample per poll. */
    long polls() {
        Timer timer = meters.find("display.ingest.write.latency").timer();
        return timer == null ? 0 : timer.count();
    }

    double freshnessMillis(double percentile) {
        return millis("display.ingest.freshness", percentile);
    }

    /** p99 of {@code display.ingest.domain.freshness} per domain, in ms, e.g. {@code {stock=12, products=480}}. */
    Map<String, Long> domainFreshnessP99() {
        Map<String, Long> p99 = new java.util.TreeMap<>();
        for (Timer timer : meters.find("display.ingest.domain.freshness").timers()) {
            p99.put(timer.getId().getTag("domain"), Math.round(millis(timer, 0.99)));
        }
        return p99;
    }

    double millis(String timer, double percentile) {
        return millis(meters.get(timer).timer(), percentile);
    }

    private static double millis(Timer timer, double percentile) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException(timer.getId().getName() + " publishes no percentile " + percentile);
    }

    double freshnessMaxMillis() {
        return meters.get("display.ingest.freshness").timer().max(TimeUnit.MILLISECONDS);
    }

    private boolean reached(String group, Map<TopicPartition, Long> to) throws Exception {
        Map<TopicPartition, Long> committed = kafka.committed(group);
        return to.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }
}
