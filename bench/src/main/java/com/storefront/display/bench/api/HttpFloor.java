package com.storefront.display.bench.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The HTTP floor: display-api's own server stack (Reactor Netty, WebFlux functional routes, its filters
 * and metrics) answering {@code GET /bench/floor/{shopId}} with a constant body the size of a shop
 * response, read from nowhere. A route that exists only in the benchmark's application context, never
 * in the product: what a request costs before the read model is asked anything.
 */
final class HttpFloor {

    static final String PATH = "/bench/floor/%d";

    private final AtomicReference<byte[]> body = new AtomicReference<>("{}".getBytes());

    /** Adds the route to the context before it is refreshed. */
    ApplicationContextInitializer<ConfigurableApplicationContext> registration() {
        return context -> ((GenericApplicationContext) context).registerBean("benchHttpFloor", RouterFunction.class,
                () -> route(GET("/bench/floor/{shopId}"), request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body.get())));
    }

    /** From now on the floor answers {@code size} bytes of JSON. */
    void answerBytes(int size) {
        byte[] bytes = new byte[Math.max(2, size)];
        Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '{';
        bytes[bytes.length - 1] = '}';
        body.set(bytes);
    }
}
