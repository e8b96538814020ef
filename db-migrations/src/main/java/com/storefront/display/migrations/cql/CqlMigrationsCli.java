package com.storefront.display.migrations.cql;

import java.net.InetSocketAddress;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * Applies the CQL migrations from the command line ({@code ./platform up}). Reads
 * {@code DISPLAY_CASSANDRA_CONTACT_POINT} (host:port, default 127.0.0.1:9042),
 * {@code DISPLAY_CASSANDRA_LOCAL_DATACENTER} (datacenter1), {@code DISPLAY_CASSANDRA_KEYSPACE} (display)
 * and {@code DISPLAY_CASSANDRA_REPLICATION} (local single-node). Exits 1 with the reason on failure.
 */
public final class CqlMigrationsCli {

    private CqlMigrationsCli() {
    }

    public static void main(String[] args) {
        String contactPoint = env("DISPLAY_CASSANDRA_CONTACT_POINT", "127.0.0.1:9042");
        String datacenter = env("DISPLAY_CASSANDRA_LOCAL_DATACENTER", "datacenter1");
        CqlMigrationSettings defaults = CqlMigrationSettings.localDefaults(env("DISPLAY_CASSANDRA_KEYSPACE", "display"));
        CqlMigrationSettings settings = new CqlMigrationSettings(defaults.keyspace(),
                env("DISPLAY_CASSANDRA_REPLICATION", defaults.replication()), defaults.location(),
                defaults.lockLease(), defaults.lockWait());
        int colon = contactPoint.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(contactPoint.substring(0, colon),
                Integer.parseInt(contactPoint.substring(colon + 1)));
        try {
            // the runner logs what it verified and applied
            new CqlMigrations(settings,
                    () -> CqlSession.builder().addContactPoint(address).withLocalDatacenter(datacenter)).migrate();
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
