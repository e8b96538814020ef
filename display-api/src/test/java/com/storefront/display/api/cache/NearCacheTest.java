package com.storefront.display.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class NearCacheTest {

    private static final Duration BOUND = Duration.ofMillis(250);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void servesTheKeptResponseWithinTheBoundAndReadsAgainOnceItIsOlder() {
        NearCache<Long, String> cache = new NearCache<>(BOUND, 100, nanos::get);

        assertThat(get(cache, 7L)).contains("read 1");
        advance(BOUND.minusMillis(1));
        assertThat(get(cache, 7L)).as("249 ms after its read").contains("read 1");
        advance(Duration.ofMillis(1));
        assertThat(get(cache, 7L)).as("250 ms after its read: never older than the bound").contains("read 2");
        assertThat(get(cache, 8L)).as("another key").contains("read 3");
        assertThat(reads).hasValue(3);
    }

    @Test
    void theBoundCountsFromTheReadsEndNotItsStart() {
        NearCache<Long, String> cache = new NearCache<>(BOUND, 100, nanos::get);
        Sinks.One<Optional<String>> slowRead = Sinks.one();
        Mono<Optional<String>> first = cache.get(7L, () -> {
            reads.incrementAndGet();
            return slowRead.asMono();
        });
        first.subscribe();
        advance(Duration.ofSeconds(2));
        slowRead.tryEmitValue(Optional.of("slow"));

        advance(BOUND.minusMillis(1));
        assertThat(get(cache, 7L)).contains("slow");
        assertThat(reads).hasValue(1);
    }

    @Test
    void concurrentMissesForOneKeyShareOneRead() {
        NearCache<Long, String> cache = new NearCache<>(BOUND, 100, nanos::get);
        Sinks.One<Optional<String>> read = Sinks.one();
        Mono<Optional<String>> first = cache.get(7L, () -> {
            reads.incrementAndGet();
            return read.asMono();
        });
        Mono<Optional<String>> second = cache.get(7L, () -> {
            reads.incrementAndGet();
            return Mono.just(Optional.of("a second read"));
        });
        read.tryEmitValue(Optional.of("the one read"));

        assertThat(first.block()).contains("the one read");
        assertThat(second.block()).contains("the one read");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aSubscriberThatGivesUpDoesNotCancelTheReadOthersWaitFor() {
        NearCache<Long, String> cache = new NearCache<>(BOUND, 100, nanos::get);
        Sinks.One<Optional<String>> read = Sinks.one();
        cache.get(7L, () -> read.asMono()).subscribe().dispose();
        Mono<Optional<String>> waiting = cache.get(7L, () -> Mono.just(Optional.of("a second read")));
        read.tryEmitValue(Optional.of("the one read"));

        assertThat(waiting.block()).contains("the one read");
    }

    @Test
    void aFailedReadIsNotKept() {
        NearCache<Long, String> cache = new NearCache<>(BOUND, 100, nanos::get);
        Mono<Optional<String>> failing = cache.get(7L, () -> Mono.error(new IllegalStateException("Cassandra down")));
        assertThat(failing.onErrorResume(e -> Mono.just(Optional.of("failed: " + e.getMessage()))).block())
                .contains("failed: Cassandra down");

        assertThat(get(cache, 7L)).as("read again at once").contains("read 1");
    }

    @Test
    void notDisplayedIsKeptLikeAResponse() {
        NearCache<Long, String> cache = new NearCache<>(BOUND, 100, nanos::get);
        assertThat(cache.get(7L, () -> {
            reads.incrementAndGet();
            return Mono.just(Optional.<String>empty());
        }).block()).isEmpty();
        assertThat(get(cache, 7L)).isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aBoundOfZeroReadsEveryTime() {
        NearCache<Long, String> cache = new NearCache<>(Duration.ZERO, 100, nanos::get);

        assertThat(cache.enabled()).isFalse();
        assertThat(get(cache, 7L)).contains("read 1");
        assertThat(get(cache, 7L)).contains("read 2");
    }

    @Test
    void refusesANegativeBound() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NearCache<Long, String>(Duration.ofMillis(-1), 100, nanos::get))
                .withMessageContaining("max-staleness");
    }

    private Optional<String> get(NearCache<Long, String> cache, long key) {
        return cache.get(key, () -> Mono.fromSupplier(() -> Optional.of("read " + reads.incrementAndGet()))).block();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
