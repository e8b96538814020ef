package com.storefront.display.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

class BlockingSourceApiTest {

    private static final SourcePage PAGE = new SourcePage(List.of(), null);

    @Test
    void aCallThatFailsIsTriedAgainUpToItsAttempts() {
        FailingSource source = new FailingSource(2, false);

        SourcePage page = blocking(source, 3).export(Domain.PRODUCT, 0, 10);

        assertThat(page).isEqualTo(PAGE);
        assertThat(source.calls).hasValue(3);
    }

    @Test
    void theLastFailureIsThrownWhenEveryAttemptFailed() {
        FailingSource source = new FailingSource(5, false);

        assertThatThrownBy(() -> blocking(source, 3).export(Domain.PRODUCT, 0, 10))
                .isInstanceOf(SourceUnavailableException.class).hasMessageContaining("call 3 failed");
        assertThat(source.calls).hasValue(3);
    }

    @Test
    void anOpenCircuitFailsTheCallAtOnce() {
        FailingSource source = new FailingSource(5, true);

        assertThatThrownBy(() -> blocking(source, 3).export(Domain.PRODUCT, 0, 10))
                .isInstanceOf(SourceUnavailableException.class)
                .satisfies(e -> assertThat(((SourceUnavailableException) e).circuitOpen()).isTrue());
        assertThat(source.calls).hasValue(1);
    }

    @Test
    void aShopsListingsAreInFlightTogetherAndAFailedOneIsTriedAgainAlone() {
        // the first listing fails; no listing answers before all three were asked for
        List<Domain> domains = List.of(Domain.PRODUCT, Domain.STOCK, Domain.PRICE);
        GatedListings source = new GatedListings(domains.size());

        Map<Domain, SourcePage> pages = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> blocking(source, 3).listShop(domains, 7));

        assertThat(pages).containsOnlyKeys(domains).allSatisfy((domain, page) -> assertThat(page).isEqualTo(PAGE));
        assertThat(source.calls).hasValue(domains.size() + 1);
    }

    @Test
    void aShopsListingsFailAtOnceWhenTheCircuitIsOpen() {
        FailingSource source = new FailingSource(5, true);

        assertThatThrownBy(() -> blocking(source, 3).listShop(List.of(Domain.PRODUCT, Domain.STOCK), 7))
                .satisfies(e -> assertThat(((SourceUnavailableException) e).circuitOpen()).isTrue());
        assertThat(source.calls).hasValue(2);
    }

    private static BlockingSourceApi blocking(SourceApi source, int attempts) {
        return new BlockingSourceApi(source, RateLimiter.of("test", RateLimiterConfig.custom().limitForPeriod(1000)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(1)).build()), attempts);
    }

    /** Fails its first {@code failures} export calls (as an open circuit when {@code open}), then answers. */
    private static final class FailingSource implements SourceApi {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;
        final boolean open;

        FailingSource(int failures, boolean open) {
            this.failures = failures;
            this.open = open;
        }

        @Override
        public CompletableFuture<SourcePage> export(Domain domain, long after, int limit) {
            int call = calls.incrementAndGet();
            if (call > failures) {
                return CompletableFuture.completedFuture(PAGE);
            }
            return CompletableFuture.failedFuture(open ? SourceUnavailableException.circuitOpen("source-api", "export")
                    : new SourceUnavailableException("call " + call + " failed", null));
        }

        @Override
        public CompletableFuture<Optional<SourceItem>> find(Domain domain, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<SourcePage> listShop(Domain domain, long shopId) {
            return export(domain, 0, 0);
        }

        @Override
        public CompletableFuture<ChangePage> changedSince(Domain domain, long since, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** Answers no listing before {@code together} were asked for; the first one fails. */
    private static final class GatedListings implements SourceApi {
        final AtomicInteger calls = new AtomicInteger();
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        final int together;

        GatedListings(int together) {
            this.together = together;
        }

        @Override
        public CompletableFuture<SourcePage> listShop(Domain domain, long shopId) {
            int call = calls.incrementAndGet();
            if (call >= together) {
                gate.complete(null);
            }
            return gate.thenApply(ready -> {
                if (call == 1) {
                    throw new SourceUnavailableException("listing 1 failed", null);
                }
                return PAGE;
            });
        }

        @Override
        public CompletableFuture<SourcePage> export(Domain domain, long after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Optional<SourceItem>> find(Domain domain, long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<ChangePage> changedSince(Domain domain, long since, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
