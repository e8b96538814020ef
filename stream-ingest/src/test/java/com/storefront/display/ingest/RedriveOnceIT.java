package com.storefront.display.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventCodec;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.failure.FailureStatus;
import com.storefront.display.core.failure.FailureStore;
import com.storefront.display.core.source.ChangePage;
import com.storefront.display.core.source.SourceApi;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.ingest.redrive.FailureRedriver;
import com.storefront.display.localstack.junit.WithLocalStack;
import com.storefront.display.simulator.EmbeddedSimulator;
import com.storefront.display.testkit.cassandra.TestKeyspace;

/**
 * Two stream-ingest instances' re-drivers over one failure store with 500 deferred thin events, both
 * running their rounds at the same time: every failure is re-driven once, counted by the source fetches
 * they make between them. The instances are two re-drivers on the app's store, writer and source, each
 * with its own owner name, as two processes would be.
 */
@WithLocalStack
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false", "display.ingest.redrive-interval=1h",
        "display.topics.prefix=" + RedriveOnceIT.PREFIX})
@DirtiesContext
class RedriveOnceIT {

    static final String PREFIX = "it-redrive-once.";
    static final String KEYSPACE = TestKeyspace.unique("ingest_redrive_it");
    static final int DEFERRED = 500;

    static EmbeddedSimulator embedded;

    @Autowired
    FailureStore failures;

    @Autowired
    DisplayWriter writer;

    @Autowired
    SourceApi source;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        embedded = EmbeddedSimulator.start(Map.of("spring.kafka.bootstrap-servers",
                System.getProperty("spring.kafka.bootstrap-servers"), "display.simulator.catalogue.shops", "10",
                "display.simulator.catalogue.products", "1000",
                "display.topics.prefix", PREFIX));
        registry.add("display.source.base-url", embedded::baseUrl);
        registry.add("spring.cassandra.keyspace-name", () -> KEYSPACE);
    }

    @AfterAll
    static void stopUpstream() {
        if (embedded != null) {
            embedded.close();
        }
        TestKeyspace.drop(KEYSPACE);
    }

    @Test
    void twoInstancesReDriveEachDeferredRecordOnce() throws Exception {
        String topic = new Topics(PREFIX).of(Domain.PRODUCT);
        List<UUID> ids = IntStream.rangeClosed(1, DEFERRED).mapToObj(product -> failures.record(topic, product % 12,
                product, System.currentTimeMillis(), "1", EventCodec.encode(thin(product)), "source unavailable",
                "SourceUnavailableException", true)).toList();
        CountingSource counting = new CountingSource(source);
        Topics topics = new Topics(PREFIX);
        FailureRedriver first = new FailureRedriver(topics, failures, counting, writer, "first", Duration.ofMinutes(1));
        FailureRedriver second = new FailureRedriver(topics, failures, counting, writer, "second", Duration.ofMinutes(1));

        CompletableFuture<Integer> byFirst = CompletableFuture.supplyAsync(first::redriveRound);
        CompletableFuture<Integer> bySecond = CompletableFuture.supplyAsync(second::redriveRound);
        int redriven = byFirst.get() + bySecond.get();

        assertThat(redriven).as("re-driven by both").isEqualTo(DEFERRED);
        assertThat(counting.fetches.values()).as("source fetches per product").hasSize(DEFERRED)
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(ids).allSatisfy(id -> assertThat(failures.find(id).orElseThrow().status()).isEqualTo(FailureStatus.REPLAYED));
        assertThat(first.redriveRound() + second.redriveRound()).as("nothing left").isZero();
    }

    private static DomainEvent thin(long product) {
        return new DomainEvent(UUID.randomUUID(), EventType.PRODUCT_CHANGED, 1, Instant.now(), 1 + product % 10, product,
                1, null);
    }

    /** The app's source, counting each entity fetch. */
    private record CountingSource(SourceApi delegate, Map<Long, AtomicInteger> fetches) implements SourceApi {

        CountingSource(SourceApi delegate) {
            this(delegate, new ConcurrentHashMap<>());
        }

        @Override
        public CompletableFuture<Optional<SourceItem>> find(Domain domain, long id) {
            fetches.computeIfAbsent(id, any -> new AtomicInteger()).incrementAndGet();
            return delegate.find(domain, id);
        }

        @Override
        public CompletableFuture<SourcePage> listShop(Domain domain, long shopId) {
            return delegate.listShop(domain, shopId);
        }

        @Override
        public CompletableFuture<SourcePage> export(Domain domain, long after, int limit) {
            return delegate.export(domain, after, limit);
        }

        @Override
        public CompletableFuture<ChangePage> changedSince(Domain domain, long since, int limit) {
            return delegate.changedSince(domain, since, limit);
        }
    }
}
