package com.storefront.display.migrations.cql;

import java.util.Map;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

/**
 * Whether a consistency level lets the migrations see their own history and lock: a read at the level
 * must overlap every write at the level, so twice its replicas must exceed the replication factor. At
 * RF 1 every level does; at RF 3 {@code ONE} does not (another instance's applied script could be
 * missed and applied again) while {@code QUORUM} and {@code LOCAL_QUORUM} do.
 */
final class MigrationConsistency {

    private MigrationConsistency() {
    }

    /**
     * @param replication the keyspace's replication map as {@code system_schema.keyspaces} holds it
     * @throws IllegalStateException naming the level, the replication and what would do, when it cannot
     */
    static void require(DefaultConsistencyLevel level, Map<String, String> replication, String keyspace) {
        String strategy = replication.getOrDefault("class", "");
        Map<String, Integer> perDatacenter = new java.util.TreeMap<>();
        int total = 0;
        if (strategy.endsWith("SimpleStrategy")) {
            total = Integer.parseInt(replication.get("replication_factor").trim());
        } else {
            for (Map.Entry<String, String> entry : replication.entrySet()) {
                if (!entry.getKey().equals("class")) {
                    int factor = Integer.parseInt(entry.getValue().trim());
                    perDatacenter.put(entry.getKey(), factor);
                    total += factor;
                }
            }
        }
        if (total <= 0) {
            throw new IllegalStateException("keyspace " + keyspace + " has no replicas: " + replication);
        }
        boolean local = level == DefaultConsistencyLevel.LOCAL_ONE || level == DefaultConsistencyLevel.LOCAL_QUORUM;
        // a datacenter-local level must overlap itself in every datacenter a migration may run from
        Iterable<Integer> factors = local && !perDatacenter.isEmpty() ? perDatacenter.values() : java.util.List.of(total);
        for (int factor : factors) {
            int replicas = replicas(level, factor);
            if (2 * replicas <= factor) {
                throw new IllegalStateException("CQL migrations refuse consistency " + level + " on keyspace " + keyspace
                        + " (replication " + replication + "): " + replicas + " of " + factor
                        + " replicas cannot see another instance's history and lock; use LOCAL_QUORUM "
                        + "(display.cassandra.migrations.consistency)");
            }
        }
    }

    private static int replicas(DefaultConsistencyLevel level, int factor) {
        return switch (level) {
            case ONE, LOCAL_ONE -> 1;
            case TWO -> 2;
            case THREE -> 3;
            case QUORUM, LOCAL_QUORUM, EACH_QUORUM -> factor / 2 + 1;
            case ALL -> factor;
            default -> throw new IllegalStateException("CQL migrations cannot run at consistency " + level
                    + "; use LOCAL_QUORUM (display.cassandra.migrations.consistency)");
        };
    }
}
