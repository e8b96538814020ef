package com.storefront.display.testkit.cassandra;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.storefront.display.core.cql.SessionDefaults;

/**
 * A keyspace of its own per test run: the local Cassandra keeps its data between builds, and a
 * tombstone left by an earlier run would shadow the next run's older-timestamped writes. The stack is
 * the one {@code @WithLocalStack} started ({@code spring.cassandra.*} system properties).
 */
public final class TestKeyspace {

    private TestKeyspace() {
    }

    /** {@code prefix} and a suffix unique to this run. */
    public static String unique(String prefix) {
        return prefix + "_" + Long.toHexString(System.nanoTime());
    }

    /** Drops the keyspace, if it exists, on the local stack's Cassandra. */
    public static void drop(String keyspace) {
        String[] contactPoint = System.getProperty("spring.cassandra.contact-points").split(":");
        try (CqlSession admin = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(contactPoint[0], Integer.parseInt(contactPoint[1])))
                .withLocalDatacenter(System.getProperty("spring.cassandra.local-datacenter"))
                .withConfigLoader(SessionDefaults.administration(DriverConfigLoader.programmaticBuilder()).build()).build()) {
            admin.execute(SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + keyspace).setTimeout(Duration.ofSeconds(30)));
        }
    }
}
