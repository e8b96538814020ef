package com.storefront.display.bench.ingest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.Compaction;
import com.storefront.display.bench.common.DriverLoop;
import com.storefront.display.bench.common.ServerCpu;
import com.storefront.display.core.write.DisplayWrite;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput: a backlog of events drained by stream-ingest into Cassandra, events/s, against a plain async
 * driver loop writing the same rows (one prepared statement per shape, the same number in flight).
 * Rounds alternate which goes first, with the keyspace's background compaction paused: a compaction that
 * one phase's flushes start runs into the next phase's window, so with a fixed order the second phase
 * always paid for the first one's data (the last rounds' ingest ratios were 0.6-0.7 where the first
 * rounds' were 0.8-0.9). Each round logs both rates and this JVM's CPU per row.
 */
final class IngestThroughput {

    private static final Logger log = LoggerFactory.getLogger(IngestThroughput.class);

    /** A rate, this JVM's CPU per item while it was measured, and the servers' (Cassandra, Kafka). */
    private record Measured(double rate, double cpuMicros, String servers) {
    }

    private interface Rate {
        double measure() throws Exception;
    }

    private final int rounds;
    private final int warmups;
    private final int inFlight;
    private final boolean pauseCompaction;
    private final String run;
    private final String label;

    /** @param label the measurement's row, e.g. {@code ingest Kafka -> Cassandra} */
    IngestThroughput(int rounds, int warmups, int inFlight, boolean pauseCompaction, String run, String label) {
        this.rounds = rounds;
        this.warmups = warmups;
        this.inFlight = inFlight;
        this.pauseCompaction = pauseCompaction;
        this.run = run;
        this.label = label;
    }

    /** @return the median ingest rate, events/s */
    double measure(BenchTable table, IngestApp app, CqlSession session, Compaction compaction, Map<TopicPartition, Long> from,
                   Map<TopicPartition, Long> to, List<DisplayWrite> writes) throws Exception {
        List<Double> raw = new ArrayList<>();
        List<Double> ingested = new ArrayList<>();
        compaction.await();
        Map<String, Map<String, String>> paused = pauseCompaction ? compaction.pause() : Map.of();
        try {
            for (int round = 1 - warmups; round <= rounds; round++) {
                boolean rawFirst = Math.floorMod(round, 2) == 1;
                Measured rawRate = null;
                Measured ingestRate = null;
                for (int phase = 0; phase < 2; phase++) {
                    compaction.await();
                    if (rawFirst == (phase == 0)) {
                        rawRate = measured(writes.size(), () -> rawWrites(session, writes));
                    } else {
                        String group = "bench-ingest-" + run + "-" + (round + warmups);
                        ingestRate = measured(writes.size(), () -> app.drain(group, from, to));
                    }
                }
                log.info("{}: throughput round {}{} ({} first): raw driver {} rows/s, ingest {} events/s (ratio {}); this JVM's CPU "
                                + "per row: raw {} us, ingest {} us; servers' CPU per row: raw {}; ingest {}", label, round,
                        round < 1 ? " (warm-up)" : "", rawFirst ? "raw" : "ingest",
                        Math.round(rawRate.rate()), Math.round(ingestRate.rate()),
                        String.format("%.2f", ingestRate.rate() / rawRate.rate()), String.format("%.1f", rawRate.cpuMicros()),
                        String.format("%.1f", ingestRate.cpuMicros()), rawRate.servers(), ingestRate.servers());
                if (round >= 1) {
                    raw.add(rawRate.rate());
                    ingested.add(ingestRate.rate());
                }
            }
        } finally {
            compaction.resume(paused);
        }
        table.add(new BenchTable.Row(label, "events/s", BenchTable.median(ingested),
                BenchTable.median(raw), 0.8, Double.NaN));
        return BenchTable.median(ingested);
    }

    /** The ceiling: the same rows, bound as they are written, prepared once per statement shape. */
    private double rawWrites(CqlSession session, List<DisplayWrite> writes) throws InterruptedException {
        Map<String, PreparedStatement> prepared = DriverLoop.preparedCache();
        return DriverLoop.execute(session, writes, write -> DriverLoop.bind(session, prepared, write), inFlight);
    }

    private static Measured measured(int items, Rate rate) throws Exception {
        List<ServerCpu.Server> servers = List.of(ServerCpu.CASSANDRA, ServerCpu.KAFKA);
        List<java.time.Duration> serversBefore = ServerCpu.used(servers);
        long cpu = processCpuNanos();
        double measured = rate.measure();
        return new Measured(measured, (processCpuNanos() - cpu) / 1e3 / items,
                ServerCpu.perItem(servers, serversBefore, ServerCpu.used(servers), items));
    }

    /** CPU time of this JVM (the raw loop's driver, or stream-ingest's context, and their GC), ns. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
