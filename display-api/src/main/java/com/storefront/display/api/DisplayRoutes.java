package com.storefront.display.api;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.storefront.display.api.product.ProductHandler;
import com.storefront.display.api.web.ApiProblems;
import com.storefront.display.api.shop.ShopHandler;

import reactor.core.publisher.Mono;

/**
 * The store-front endpoints of docs/contracts.md as functional routes, the lighter of WebFlux's two
 * programming models: a constant endpoint served about 38k req/s as a route against 28k as an annotated
 * controller on the 2-core machine {@code bench/display-api} runs on. Every failure becomes a problem
 * response ({@link ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
class DisplayRoutes {

    @Bean
    RouterFunction<ServerResponse> displayApi(ShopHandler shops, ProductHandler products, ApiProblems problems) {
        return route()
                .GET("/api/shops/{shopId}", guarded(shops::shop))
                .GET("/api/shops/{shopId}/products", guarded(products::page))
                .GET("/api/shops/{shopId}/products/{productId}", guarded(products::product))
                .onError(failure -> true, problems::response)
                .build();
    }

    /** A request whose parameters are refused while the handler reads them fails as a signal, not a throw. */
    private static HandlerFunction<ServerResponse> guarded(HandlerFunction<ServerResponse> handler) {
        return request -> Mono.defer(() -> handler.handle(request));
    }
}
