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
        byte[] bytes = json.writeValueAsBytes(body);
        String etag = '"' + DigestUtils.md5DigestAsHex(bytes) + '"';
        return request.checkNotModified(etag).switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .bodyValue(bytes)));
    }
}
