package com.storefront.display.migrations.cql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

/**
 * {@code display.cassandra.migrations.*}: the CQL migrations an application runs before its
 * Cassandra session opens. The defaults run the local single-node stack.
 *
 * @param enabled     run the migrations at start-up
 * @param keyspace    keyspace to create and migrate; {@code spring.cassandra.keyspace-name} when unset
 * @param replication replication map for {@code CREATE KEYSPACE}
 * @param location    classpath folder of the scripts
 * @param lockLease   lifetime of the migration lock should its holder die
 * @param lockWait    how long to wait for another instance's lock
 * @param consistency level of the migration history and lock; one that cannot see another instance's
 *                    writes at the keyspace's replication is refused
 */
@ConfigurationProperties("display.cassandra.migrations")
public record CqlMigrationProperties(
        @DefaultValue("true") boolean enabled,
        String keyspace,
        @DefaultValue(CqlMigrationSettings.LOCAL_REPLICATION) String replication,
        @DefaultValue("db/cql") String location,
        @DefaultValue("5m") Duration lockLease,
        @DefaultValue("3m") Duration lockWait,
        @DefaultValue("LOCAL_QUORUM") DefaultConsistencyLevel consistency) {

    CqlMigrationSettings toSettings(String fallbackKeyspace) {
        String target = keyspace != null && !keyspace.isBlank() ? keyspace
                : fallbackKeyspace != null && !fallbackKeyspace.isBlank() ? fallbackKeyspace : "display";
        return new CqlMigrationSettings(target, replication, location, lockLease, lockWait, consistency);
    }
}
