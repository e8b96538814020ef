package com.storefront.display.api.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON response with a strong ETag computed from its bytes, so a store front that sends
 * {@code If-None-Match} gets a 304 with no body while the data is unchanged. {@code Cache-Control:
 * no-cache} lets clients and proxies keep the response but revalidate it every time: safe for data that
 * changes whenever an upstream event lands.
 */
@Component
public class CacheableJson {

    private final JsonMapper json;

    public CacheableJson(JsonMapper json) {
        this.json = json;
    }

    public Mono<ServerResponse> ok(ServerRequest request, Object body) {
        return ok(request, render(body));
    }

    /** A 200 with the rendered body, or a 304 when the request already holds it ({@code If-None-Match}). */
    public Mono<ServerResponse> ok(ServerRequest request, Rendered body) {
        return request.checkNotModified(body.etag()).switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(body.etag())
                .cacheControl(CacheControl.noCache())
                .bodyValue(body.bytes())));
    }

    /** The body as it is sent, and its ETag: what the near cache keeps, so that a hit costs no JSON. */
    public Rendered render(Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return new Rendered(bytes, '"' + DigestUtils.md5DigestAsHex(bytes) + '"');
    }

    /** A JSON body as bytes and the strong ETag of those bytes. */
    public record Rendered(byte[] bytes, String etag) {
    }
}
