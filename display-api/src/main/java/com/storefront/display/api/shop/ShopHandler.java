package com.storefront.display.api.shop;

import static com.storefront.display.api.web.InvalidRequest.positiveId;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.api.cache.StoreFrontCache;
import com.storefront.display.api.web.CacheableJson;
import com.storefront.display.api.web.NotDisplayed;

import reactor.core.publisher.Mono;

/** {@code GET /api/shops/{shopId}}: the shop header with its rating and active coupons, through the near cache. */
@Component
public class ShopHandler {

    private final ShopReads shops;
    private final StoreFrontCache cache;
    private final CacheableJson json;
    private final DisplayApiProperties properties;

    public ShopHandler(ShopReads shops, StoreFrontCache cache, CacheableJson json, DisplayApiProperties properties) {
        this.shops = shops;
        this.cache = cache;
        this.json = json;
        this.properties = properties;
    }

    public Mono<ServerResponse> shop(ServerRequest request) {
        long shopId = positiveId("shopId", request.pathVariable("shopId"));
        return cache.shop(shopId, () -> shops.find(shopId).map(shop -> Optional.of(json.render(shop))).defaultIfEmpty(Optional.empty()))
                .timeout(properties.readTimeout())
                .flatMap(shop -> shop.map(body -> json.ok(request, body)).orElseGet(() -> Mono.error(NotDisplayed.shop(shopId))));
    }
}
