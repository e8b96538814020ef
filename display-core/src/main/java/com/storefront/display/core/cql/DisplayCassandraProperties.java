package com.storefront.display.core.cql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

/**
 * {@code display.cassandra.*}: how every app's driver treats the read model's cluster, beyond Spring
 * Boot's {@code spring.cassandra.*} (the migrations' own settings are {@code display.cassandra.migrations.*}).
 *
 * @param reconnectMaxDelay the longest wait between the driver's attempts to reconnect to a Cassandra
 *                          node that went down: an app works again within about this long of the node
 *                          coming back (the driver's default is a minute)
 * @param consistency       the consistency levels of the app's reads and writes
 * @param writeBatch        the most read-model writes of one shop partition sent to Cassandra as one
 *                          unlogged batch (see {@code DisplayWriter}); 1 sends every write alone
 */
@ConfigurationProperties("display.cassandra")
public record DisplayCassandraProperties(@DefaultValue("5s") Duration reconnectMaxDelay,
                                         @DefaultValue Consistency consistency,
                                         @DefaultValue("32") int writeBatch) {

    /**
     * {@code display.cassandra.consistency.*}. {@code LOCAL_ONE} suits the local single node (RF 1); a
     * cluster at RF 3 runs {@code LOCAL_QUORUM} for both, so that a read sees every acknowledged write
     * and one node of three may be down.
     *
     * @param read  every read's level (the driver's default profile)
     * @param write every write's level (the {@value CqlConsistency#WRITE_PROFILE} profile)
     */
    public record Consistency(@DefaultValue("LOCAL_ONE") DefaultConsistencyLevel read,
                              @DefaultValue("LOCAL_ONE") DefaultConsistencyLevel write) {
    }
}
