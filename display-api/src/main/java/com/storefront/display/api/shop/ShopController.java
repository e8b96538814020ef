package com.storefront.display.api.shop;

import static com.storefront.display.api.web.InvalidRequest.positiveId;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.api.web.CacheableJson;
import com.storefront.display.api.web.NotDisplayed;

import reactor.core.publisher.Mono;

/** {@code GET /api/shops/{shopId}}: the shop header with its rating and active coupons. */
@RestController
public class ShopController {

    private final ShopReads shops;
    private final CacheableJson json;
    private final DisplayApiProperties properties;

    public ShopController(ShopReads shops, CacheableJson json, DisplayApiProperties properties) {
        this.shops = shops;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping("/api/shops/{shopId}")
    public Mono<ResponseEntity<byte[]>> shop(@PathVariable("shopId") String shopIdText) {
        long shopId = positiveId("shopId", shopIdText);
        return shops.find(shopId)
                .timeout(properties.readTimeout())
                .switchIfEmpty(Mono.error(() -> NotDisplayed.shop(shopId)))
                .map(json::ok);
    }
}
