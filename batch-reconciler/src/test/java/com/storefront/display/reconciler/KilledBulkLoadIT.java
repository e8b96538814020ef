package com.storefront.display.reconciler;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storefront.display.testkit.cassandra.TestKeyspace;

/** {@link KilledBulkLoad} on the local default's job store, an H2 file shared by both processes. */
class KilledBulkLoadIT extends KilledBulkLoad {

    static Context context;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        context = Context.register(registry, TestKeyspace.unique("reconciler_killed_it"), MetadataStore.H2);
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
