package com.storefront.display.api.product;

import static com.storefront.display.api.DisplayApiProperties.MAX_PAGE_SIZE;
import static com.storefront.display.api.DisplayApiProperties.MIN_PAGE_SIZE;
import static com.storefront.display.api.web.InvalidRequest.positiveId;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.api.cache.StoreFrontCache;
import com.storefront.display.api.shop.ShopReads;
import com.storefront.display.api.web.CacheableJson;
import com.storefront.display.api.web.CacheableJson.Rendered;
import com.storefront.display.api.web.InvalidRequest;
import com.storefront.display.api.web.NotDisplayed;

import reactor.core.publisher.Mono;

/**
 * A shop's displayable products: keyset-paged, and one by one. The shop itself must exist: the products
 * of an unknown or deleted shop are a 404, read in parallel with the products (two single-partition
 * queries, never one per product). First pages go through the near cache ({@link StoreFrontCache}).
 */
@Component
public class ProductHandler {

    private final ProductReads products;
    private final ShopReads shops;
    private final StoreFrontCache cache;
    private final CacheableJson json;
    private final DisplayApiProperties properties;

    public ProductHandler(ProductReads products, ShopReads shops, StoreFrontCache cache, CacheableJson json,
                          DisplayApiProperties properties) {
        this.products = products;
        this.shops = shops;
        this.cache = cache;
        this.json = json;
        this.properties = properties;
    }

    /** {@code GET /api/shops/{shopId}/products?size=&cursor=} */
    public Mono<ServerResponse> page(ServerRequest request) {
        long shopId = positiveId("shopId", request.pathVariable("shopId"));
        int size = size(request.queryParam("size").orElse(null));
        ProductCursor cursor = cursor(request.queryParam("cursor").orElse(null));
        Supplier<Mono<Optional<Rendered>>> read = () -> Mono.zip(shops.exists(shopId), products.page(shopId, cursor, size))
                .map(shopAndPage -> shopAndPage.getT1() ? Optional.of(json.render(shopAndPage.getT2())) : Optional.empty());
        return (cursor == null ? cache.firstPage(shopId, size, read) : read.get())
                .timeout(properties.readTimeout())
                .flatMap(page -> page.map(body -> json.ok(request, body)).orElseGet(() -> Mono.error(NotDisplayed.shop(shopId))));
    }

    /** {@code GET /api/shops/{shopId}/products/{productId}} */
    public Mono<ServerResponse> product(ServerRequest request) {
        long shopId = positiveId("shopId", request.pathVariable("shopId"));
        long productId = positiveId("productId", request.pathVariable("productId"));
        return Mono.zip(shops.exists(shopId), products.find(shopId, productId).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .timeout(properties.readTimeout())
                .flatMap(shopAndProduct -> {
                    if (!shopAndProduct.getT1()) {
                        return Mono.error(NotDisplayed.shop(shopId));
                    }
                    return shopAndProduct.getT2().map(product -> json.ok(request, product))
                            .orElseGet(() -> Mono.error(NotDisplayed.product(shopId, productId)));
                });
    }

    private int size(String text) {
        if (text == null) {
            return properties.defaultPageSize();
        }
        int size;
        try {
            size = Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new InvalidRequest("size must be an integer within " + MIN_PAGE_SIZE + ".." + MAX_PAGE_SIZE + ", was '" + text + "'");
        }
        if (size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE) {
            throw new InvalidRequest("size must be within " + MIN_PAGE_SIZE + ".." + MAX_PAGE_SIZE + ", was " + size);
        }
        return size;
    }

    private static ProductCursor cursor(String text) {
        if (text == null) {
            return null;
        }
        return ProductCursor.decode(text).orElseThrow(() -> new InvalidRequest(
                "cursor is not one this API issued; start again without a cursor or pass a page's nextCursor"));
    }
}
