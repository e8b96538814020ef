package com.storefront.display.core.source;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.core.domain.Domain;

import io.github.resilience4j.ratelimiter.RateLimiter;

/**
 * The source APIs as the batch jobs call them: blocking, each call waiting for the rate limiter and tried
 * up to {@code attempts} times while the circuit stays closed. An open circuit fails the call at once, so
 * a step fails cleanly instead of hammering a source that is down.
 */
public final class BlockingSourceApi {

    private static final Logger log = LoggerFactory.getLogger(BlockingSourceApi.class);

    private final SourceApi source;
    private final RateLimiter rateLimiter;
    private final int attempts;

    public BlockingSourceApi(SourceApi source, RateLimiter rateLimiter, int attempts) {
        this.source = source;
        this.rateLimiter = rateLimiter;
        this.attempts = attempts;
    }

    /** @see SourceApi#find */
    public Optional<SourceItem> find(Domain domain, long id) {
        return call(() -> source.find(domain, id));
    }

    /** @see SourceApi#listShop */
    public SourcePage listShop(Domain domain, long shopId) {
        return call(() -> source.listShop(domain, shopId));
    }

    /**
     * Every chosen domain's listing of one shop, the first attempts in flight together (each through the
     * rate limiter), a failed one tried again on its own as {@link #listShop(Domain, long)} would.
     */
    public Map<Domain, SourcePage> listShop(Collection<Domain> domains, long shopId) {
        Map<Domain, CompletableFuture<SourcePage>> first = new EnumMap<>(Domain.class);
        for (Domain domain : domains) {
            rateLimiter.acquirePermission();
            first.put(domain, source.listShop(domain, shopId));
        }
        Map<Domain, SourcePage> pages = new EnumMap<>(Domain.class);
        SourceUnavailableException circuitOpen = null;
        for (Map.Entry<Domain, CompletableFuture<SourcePage>> listing : first.entrySet()) {
            Domain domain = listing.getKey();
            try {
                pages.put(domain, await(listing.getValue()));
            } catch (SourceUnavailableException e) {
                if (e.circuitOpen()) {
                    // the others' answers are still awaited above: nothing is left in flight
                    circuitOpen = circuitOpen == null ? e : circuitOpen;
                } else if (circuitOpen == null) {
                    pages.put(domain, call(() -> source.listShop(domain, shopId), 2, e));
                }
            }
        }
        if (circuitOpen != null) {
            throw circuitOpen;
        }
        return pages;
    }

    /** @see SourceApi#export */
    public SourcePage export(Domain domain, long after, int limit) {
        return call(() -> source.export(domain, after, limit));
    }

    /** @see SourceApi#changedSince */
    public ChangePage changedSince(Domain domain, long since, int limit) {
        return call(() -> source.changedSince(domain, since, limit));
    }

    private <T> T call(Supplier<CompletableFuture<T>> call) {
        return call(call, 1, null);
    }

    /** Attempts {@code firstAttempt..attempts}; {@code last}: the failure of the attempt before, if any. */
    private <T> T call(Supplier<CompletableFuture<T>> call, int firstAttempt, SourceUnavailableException last) {
        if (last != null) {
            if (firstAttempt > attempts) {
                throw last;
            }
            pause(firstAttempt - 1);
        }
        for (int attempt = firstAttempt; attempt <= attempts; attempt++) {
            rateLimiter.acquirePermission();
            try {
                return await(call.get());
            } catch (SourceUnavailableException e) {
                if (e.circuitOpen()) {
                    throw last == null ? e : new SourceUnavailableException(e.getMessage() + "; last failure: " + last.getMessage(), last);
                }
                last = e;
                log.debug("attempt {} of {} failed: {}", attempt, attempts, e.getMessage());
                pause(attempt);
            }
        }
        throw last;
    }

    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SourceUnavailableException unavailable) {
                throw unavailable;
            }
            throw new SourceUnavailableException("source call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new SourceUnavailableException("interrupted waiting for a source call", e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
