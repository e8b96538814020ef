package com.storefront.display.bench.common;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

/** Cassandra's background compaction, as the ingest measurements control and wait for it, and its write counts. */
public final class Compaction {

    private static final Logger log = LoggerFactory.getLogger(Compaction.class);

    private final CqlSession session;
    private final String keyspace;

    public Compaction(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
    }

    /** Turns background compaction off for every table of the keyspace; returns each table's settings to restore. */
    public Map<String, Map<String, String>> pause() {
        Map<String, Map<String, String>> settings = new HashMap<>();
        for (Row row : session.execute("SELECT table_name, compaction FROM system_schema.tables WHERE keyspace_name = ?", keyspace)) {
            Map<String, String> compaction = row.getMap("compaction", String.class, String.class);
            settings.put(row.getString("table_name"), compaction);
            Map<String, String> paused = new HashMap<>(compaction);
            paused.put("enabled", "false");
            alter(row.getString("table_name"), paused);
        }
        log.info("background compaction paused on {} tables of {} for the throughput rounds", settings.size(), keyspace);
        return settings;
    }

    public void resume(Map<String, Map<String, String>> settings) {
        settings.forEach(this::alter);
    }

    /**
     * Waits (at most a minute) until Cassandra runs no compaction: each measurement starts from a quiet
     * server, not in the compactions the previous one left behind.
     */
    public void await() throws InterruptedException {
        await(Duration.ZERO, Duration.ofMinutes(1));
    }

    /**
     * Waits (at most five minutes) until Cassandra has run no compaction for ten seconds in a row: the
     * sstables the throughput rounds flushed while compaction was paused are compacted in several steps,
     * each starting when the previous one ends, and the freshness stream must not run into them.
     */
    public void awaitBacklog() throws InterruptedException {
        long start = System.nanoTime();
        await(Duration.ofSeconds(10), Duration.ofMinutes(5));
        log.info("compaction backlog done after {} s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    /** Cassandra's own count of writes to a table of the keyspace, as its coordinator saw them. */
    public long writes(String table) {
        Row row = session.execute("SELECT count FROM system_views.coordinator_write_latency WHERE keyspace_name = ? AND table_name = ?",
                keyspace, table).one();
        return row == null ? 0 : row.getLong("count");
    }

    /** Returns once no compaction has run for {@code quiet} (polled every 500 ms), or after {@code atMost}. */
    private void await(Duration quiet, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (session.execute("SELECT keyspace_name FROM system_views.sstable_tasks").one() != null) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private void alter(String table, Map<String, String> compaction) {
        String options = compaction.entrySet().stream().map(e -> "'" + e.getKey() + "': '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        session.execute("ALTER TABLE " + keyspace + "." + table + " WITH compaction = " + options);
    }
}
