package com.storefront.display.migrations.cql;

import java.time.Duration;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

/**
 * How the CQL migrations run.
 *
 * @param keyspace    the keyspace created (if missing) and migrated
 * @param replication the replication map for {@code CREATE KEYSPACE}, e.g.
 *                    {@code {'class': 'NetworkTopologyStrategy', 'dc1': 3}} in production
 * @param location    the classpath folder of the {@code V<n>__<name>.cql} scripts
 * @param lockLease   how long the migration lock lives if its holder dies (a Cassandra TTL)
 * @param lockWait    how long to wait for another instance's lock before giving up
 * @param consistency the level of the history's reads and writes and of the lock's commit; refused
 *                    when it cannot see another instance's (see {@link MigrationConsistency})
 */
public record CqlMigrationSettings(String keyspace, String replication, String location,
                                   Duration lockLease, Duration lockWait, DefaultConsistencyLevel consistency) {

    public static final String LOCAL_REPLICATION = "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    public static CqlMigrationSettings localDefaults(String keyspace) {
        return new CqlMigrationSettings(keyspace, LOCAL_REPLICATION, "db/cql", Duration.ofMinutes(5), Duration.ofMinutes(3),
                DefaultConsistencyLevel.LOCAL_QUORUM);
    }

    public CqlMigrationSettings withLocation(String newLocation) {
        return new CqlMigrationSettings(keyspace, replication, newLocation, lockLease, lockWait, consistency);
    }

    public CqlMigrationSettings withReplication(String newReplication) {
        return new CqlMigrationSettings(keyspace, newReplication, location, lockLease, lockWait, consistency);
    }

    public CqlMigrationSettings withConsistency(DefaultConsistencyLevel newConsistency) {
        return new CqlMigrationSettings(keyspace, replication, location, lockLease, lockWait, newConsistency);
    }
}
