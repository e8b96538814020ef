package com.storefront.display.migrations.cql;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

/**
 * Applies the CQL migrations from the command line ({@code ./platform up}). Reads
 * {@code DISPLAY_CASSANDRA_CONTACT_POINT} (host:port, default 127.0.0.1:9042),
 * {@code DISPLAY_CASSANDRA_LOCAL_DATACENTER} (datacenter1), {@code DISPLAY_CASSANDRA_KEYSPACE} (display)
 * {@code DISPLAY_CASSANDRA_REPLICATION} (local single-node) and
 * {@code DISPLAY_CASSANDRA_MIGRATIONS_CONSISTENCY} (LOCAL_QUORUM). The contact point may list several
 * nodes, comma-separated. Exits 1 with the reason on failure.
 */
public final class CqlMigrationsCli {

    private CqlMigrationsCli() {
    }

    public static void main(String[] args) {
        String contactPoint = env("DISPLAY_CASSANDRA_CONTACT_POINT", "127.0.0.1:9042");
        String datacenter = env("DISPLAY_CASSANDRA_LOCAL_DATACENTER", "datacenter1");
        CqlMigrationSettings defaults = CqlMigrationSettings.localDefaults(env("DISPLAY_CASSANDRA_KEYSPACE", "display"));
        try {
            CqlMigrationSettings settings = defaults
                    .withReplication(env("DISPLAY_CASSANDRA_REPLICATION", defaults.replication()))
                    .withConsistency(DefaultConsistencyLevel.valueOf(
                            env("DISPLAY_CASSANDRA_MIGRATIONS_CONSISTENCY", defaults.consistency().name())));
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (String point : contactPoint.split(",")) {
                int colon = point.trim().lastIndexOf(':');
                addresses.add(new InetSocketAddress(point.trim().substring(0, colon),
                        Integer.parseInt(point.trim().substring(colon + 1))));
            }
            // the runner logs what it verified and applied
            new CqlMigrations(settings,
                    () -> CqlSession.builder().addContactPoints(addresses).withLocalDatacenter(datacenter)).migrate();
        } catch (RuntimeException e) {
            System.err.println("CQL migrations failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
