package com.storefront.display.reconciler.bulkload;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storefront.display.localstack.junit.WithLocalPostgres;
import com.storefront.display.reconciler.MetadataStore;
import com.storefront.display.testkit.cassandra.TestKeyspace;

/** {@link KilledBulkLoad} on the production profile's job store, PostgreSQL. */
@WithLocalPostgres
@ActiveProfiles("postgresql")
class KilledBulkLoadOnPostgresIT extends KilledBulkLoad {

    static Context context;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        context = Context.register(registry, TestKeyspace.unique("reconciler_killed_pg_it"), MetadataStore.POSTGRESQL);
    }

    @AfterAll
    static void stopUpstream() {
        context.stop();
    }

    @Override
    Context context() {
        return context;
    }
}
