package com.storefront.display.api.product;

import static com.storefront.display.api.DisplayApiProperties.MAX_PAGE_SIZE;
import static com.storefront.display.api.DisplayApiProperties.MIN_PAGE_SIZE;
import static com.storefront.display.api.web.InvalidRequest.positiveId;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storefront.display.api.DisplayApiProperties;
import com.storefront.display.api.shop.ShopReads;
import com.storefront.display.api.web.CacheableJson;
import com.storefront.display.api.web.InvalidRequest;
import com.storefront.display.api.web.NotDisplayed;

import reactor.core.publisher.Mono;

/**
 * A shop's displayable products: keyset-paged, and one by one. The shop itself must exist: the products
 * of an unknown or deleted shop are a 404, read in parallel with the products (two single-partition
 * queries, never one per product).
 */
@RestController
public class ProductController {

    private final ProductReads products;
    private final ShopReads shops;
    private final CacheableJson json;
    private final DisplayApiProperties properties;

    public ProductController(ProductReads products, ShopReads shops, CacheableJson json, DisplayApiProperties properties) {
        this.products = products;
        this.shops = shops;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping("/api/shops/{shopId}/products")
    public Mono<ResponseEntity<byte[]>> page(@PathVariable("shopId") String shopIdText,
                                             @RequestParam(name = "size", required = false) String sizeText,
                                             @RequestParam(name = "cursor", required = false) String cursorText) {
        long shopId = positiveId("shopId", shopIdText);
        int size = size(sizeText);
        ProductCursor cursor = cursor(cursorText);
        return Mono.zip(shops.exists(shopId), products.page(shopId, cursor, size))
                .timeout(properties.readTimeout())
                .map(shopAndPage -> {
                    if (!shopAndPage.getT1()) {
                        throw NotDisplayed.shop(shopId);
                    }
                    return json.ok(shopAndPage.getT2());
                });
    }

    @GetMapping("/api/shops/{shopId}/products/{productId}")
    public Mono<ResponseEntity<byte[]>> product(@PathVariable("shopId") String shopIdText,
                                                @PathVariable("productId") String productIdText) {
        long shopId = positiveId("shopId", shopIdText);
        long productId = positiveId("productId", productIdText);
        return Mono.zip(shops.exists(shopId), products.find(shopId, productId).map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .timeout(properties.readTimeout())
                .map(shopAndProduct -> {
                    if (!shopAndProduct.getT1()) {
                        throw NotDisplayed.shop(shopId);
                    }
                    return json.ok(shopAndProduct.getT2().orElseThrow(() -> NotDisplayed.product(shopId, productId)));
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
