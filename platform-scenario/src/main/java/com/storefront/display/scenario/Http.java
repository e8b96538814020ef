package com.storefront.display.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.storefront.display.core.domain.DomainJson;

import tools.jackson.databind.JsonNode;

/** Plain HTTP reads of the apps, as the store front makes them (the ops API: display-testkit's {@code OpsClient}). */
final class Http {

    /** A response: its status and its body as JSON (null when the body is empty or not JSON). */
    record Answer(int status, String body) {

        JsonNode json() {
            return body == null || body.isBlank() ? null : DomainJson.MAPPER.readTree(body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Answer get(String url) {
        return send(request(url).GET());
    }

    /** The status of a GET, or -1 while nothing listens. */
    int status(String url) {
        try {
            return client.send(request(url).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().method() + " " + request.build().uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
