package com.storefront.display.api.cache;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.api.web.CacheableJson.Rendered;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * What the store front reads most, kept rendered: shop responses by shop, and first product pages by
 * shop and page size (later pages, reached by cursor, are read every time). Both within
 * {@code display.api.cache.max-staleness} of their read.
 */
@Component
public class StoreFrontCache {

    private final NearCache<Long, Rendered> shops;
    private final NearCache<FirstPage, Rendered> firstPages;

    public StoreFrontCache(DisplayApiProperties properties, MeterRegistry meters) {
        DisplayApiProperties.Cache cache = properties.cache();
        this.shops = NearCache.of("display.api.shops", cache.maxStaleness(), cache.maximumSize(), meters);
        this.firstPages = NearCache.of("display.api.first-pages", cache.maxStaleness(), cache.maximumSize(), meters);
    }

    /** The shop response, empty when the shop is not displayed. */
    public Mono<Optional<Rendered>> shop(long shopId, Supplier<Mono<Optional<Rendered>>> read) {
        return shops.get(shopId, read);
    }

    /** The first page of {@code size} products, empty when the shop is not displayed. */
    public Mono<Optional<Rendered>> firstPage(long shopId, int size, Supplier<Mono<Optional<Rendered>>> read) {
        return firstPages.get(new FirstPage(shopId, size), read);
    }

    private record FirstPage(long shopId, int size) {
    }
}
