package com.storefront.display.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.bench.common.BenchTable;
import com.storefront.display.bench.common.Compaction;

/**
 * The rate ingest sustains while Cassandra compacts, as it does all through the freshness stream: the
 * throughput rounds pause compaction (so that the raw loop and ingest compare alike), which leaves
 * their rate a burst capacity and hands the compaction work to the freshness stream alone. Once the
 * rounds' compaction backlog is done, the backlog is drained {@value #DRAINS} times back to back with
 * compaction running (each drain's flushes start compactions that run into the next).
 */
final class IngestSustained {

    private static final Logger log = LoggerFactory.getLogger(IngestSustained.class);
    private static final int DRAINS = 3;

    private IngestSustained() {
    }

    /** @return events/s over the drains together; the freshness stream runs at half of it */
    static double measure(BenchTable table, IngestApp app, Compaction compaction, Map<TopicPartition, Long> from,
                          Map<TopicPartition, Long> to, double burstRate, String run) throws Exception {
        compaction.awaitBacklog();
        long backlog = BenchEvents.between(from, to);
        double seconds = 0;
        List<Long> rates = new ArrayList<>();
        for (int drain = 1; drain <= DRAINS; drain++) {
            double rate = app.drain("bench-sustained-" + run + "-" + drain, from, to);
            seconds += backlog / rate;
            rates.add(Math.round(rate));
        }
        double sustained = DRAINS * backlog / seconds;
        log.info("ingest with compaction running: {} events/s over {} drains ({} events/s each); burst rate {} events/s",
                Math.round(sustained), DRAINS, rates, Math.round(burstRate));
        table.add(new BenchTable.Row("ingest, compaction running", "events/s", sustained, burstRate, Double.NaN, Double.NaN));
        return sustained;
    }
}
