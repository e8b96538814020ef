package com.storefront.display.reconciler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.postgres.PostgresServer;

/**
 * The job stores a batch-reconciler runs on (Spring Batch's repository and Quartz's tables): the local
 * default's H2 file, partitions on local threads, and the production profile's PostgreSQL, partitions
 * over Kafka to every instance on the database (a test using it runs {@code @WithLocalPostgres}). Tests
 * that prove a job behaviour on one prove it on both.
 */
public enum MetadataStore {
    H2(null) {
        @Override
        public Map<String, String> newDatabase() {
            return Map.of("display.metadata-dir", Path.of("target", "it-metadata-" + UUID.randomUUID()).toAbsolutePath().toString());
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        public Map<String, String> newDatabase() {
            PostgresServer postgres = new PostgresServer(LocalStackSettings.fromEnvironment());
            String database = "reconciler_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            postgres.createDatabase(database);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", postgres.jdbcUrl(database));
            properties.put("spring.datasource.username", PostgresServer.USER);
            // the profile partitions over Kafka: the instances of one database are the workers of one topic
            properties.put("display.reconciler.remote.topic", "partition-requests-" + database);
            properties.put("display.reconciler.remote.group", "workers-" + database);
            // a profile other than the local default refuses to start without ops credentials
            properties.put("display.reconciler.ops.username", "operator");
            properties.put("display.reconciler.ops.password", "s3cret-for-the-test");
            return properties;
        }
    };

    /** The profile that selects the store, or null for the default. */
    public final String profile;

    MetadataStore(String profile) {
        this.profile = profile;
    }

    /** A new, empty metadata database on this store: the properties that put an instance on it. */
    public abstract Map<String, String> newDatabase();

    /** The command-line arguments that start an instance on {@code database}, one of this store's. */
    public List<String> arguments(Map<String, String> database) {
        List<String> arguments = new ArrayList<>();
        if (profile != null) {
            arguments.add("--spring.profiles.active=" + profile);
        }
        database.forEach((property, value) -> arguments.add("--" + property + "=" + value));
        return arguments;
    }
}
