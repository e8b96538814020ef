package com.storefront.display.api.shop;

import static com.storefront.display.api.web.InvalidRequest.positiveId;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.api.web.CacheableJson;
import com.storefront.display.api.web.NotDisplayed;

import reactor.core.publisher.Mono;

/** {@code GET /api/shops/{shopId}}: the shop header with its rating and active coupons. */
@Component
public class ShopHandler {

    private final ShopReads shops;
    private final CacheableJson json;
    private final DisplayApiProperties properties;

    public ShopHandler(ShopReads shops, CacheableJson json, DisplayApiProperties properties) {
        this.shops = shops;
        this.json = json;
        this.properties = properties;
    }

    public Mono<ServerResponse> shop(ServerRequest request) {
        long shopId = positiveId("shopId", request.pathVariable("shopId"));
        return shops.find(shopId)
                .timeout(properties.readTimeout())
                .switchIfEmpty(Mono.error(() -> NotDisplayed.shop(shopId)))
                .flatMap(shop -> json.ok(request, shop));
    }
}
