package com.storefront.display.reconciler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.storefront.display.core.domain.DomainJson;

/** The ops API over HTTP, as an operator's script would call it. */
final class OpsClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    OpsClient(int port, String user, String password) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static OpsClient local(int port) {
        return new OpsClient(port, "ops", "ops");
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
        return post(path, DomainJson.MAPPER.writeValueAsString(body));
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Starts a job and returns its execution id; fails unless the API answered 202. */
    long start(String job, Map<String, ?> parameters) throws Exception {
        HttpResponse<String> response = post("/ops/jobs/" + job, parameters);
        if (response.statusCode() != 202) {
            throw new AssertionError("starting " + job + " answered " + response.statusCode() + ": " + response.body());
        }
        return ((Number) JsonPath.read(response.body(), "$.executionId")).longValue();
    }

    /**
     * Waits until the execution ended and returns its view. A stopped execution reads STOPPED while its
     * partitions finish their current chunk; it has ended once it has an end time and no partition runs.
     */
    String awaitEnd(long executionId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String body = get("/ops/jobs/executions/" + executionId).body();
            String status = JsonPath.read(body, "$.status");
            boolean ended = JsonPath.read(body, "$.endTime") != null
                    && JsonPath.<Integer>read(body, "$.partitions.running") == 0;
            if (ended && !status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")) {
                return body;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + executionId + " still " + status + " after " + timeout + ": " + body);
            }
            Thread.sleep(200);
        }
    }

    /** Waits until the execution is no longer running; fails unless it COMPLETED; returns the id. */
    long awaitEndOf(long executionId, Duration timeout) throws Exception {
        String view = awaitEnd(executionId, timeout);
        if (!"COMPLETED".equals(JsonPath.read(view, "$.status"))) {
            throw new AssertionError("execution " + executionId + " did not complete: " + view);
        }
        return executionId;
    }

    /** Runs a job to its end and returns its view; fails unless it COMPLETED. */
    String run(String job, Map<String, ?> parameters, Duration timeout) throws Exception {
        String view = awaitEnd(start(job, parameters), timeout);
        if (!"COMPLETED".equals(JsonPath.read(view, "$.status"))) {
            throw new AssertionError(job + " did not complete: " + view);
        }
        return view;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
