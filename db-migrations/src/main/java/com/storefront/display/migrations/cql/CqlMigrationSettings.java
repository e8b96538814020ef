package com.storefront.display.migrations.cql;

import java.time.Duration;

/**
 * How the CQL migrations run.
 *
 * @param keyspace    the keyspace created (if missing) and migrated
 * @param replication the replication map for {@code CREATE KEYSPACE}, e.g.
 *                    {@code {'class': 'NetworkTopologyStrategy', 'dc1': 3}} in production
 * @param location    the classpath folder of the {@code V<n>__<name>.cql} scripts
 * @param lockLease   how long the migration lock lives if its holder dies (a Cassandra TTL)
 * @param lockWait    how long to wait for another instance's lock before giving up
 */
public record CqlMigrationSettings(String keyspace, String replication, String location,
                                   Duration lockLease, Duration lockWait) {

    public static final String LOCAL_REPLICATION = "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    public static CqlMigrationSettings localDefaults(String keyspace) {
        return new CqlMigrationSettings(keyspace, LOCAL_REPLICATION, "db/cql", Duration.ofMinutes(5), Duration.ofMinutes(3));
    }

    public CqlMigrationSettings withLocation(String newLocation) {
        return new CqlMigrationSettings(keyspace, replication, newLocation, lockLease, lockWait);
    }
}
