package com.storefront.display.testkit.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.core.domain.DomainJson;

import tools.jackson.databind.JsonNode;

/**
 * batch-reconciler's ops API over HTTP, as an operator's script calls it (docs/contracts.md): the one
 * client of every test, scenario and benchmark. A job has ended when its status is final, it has an end
 * time and none of its partitions runs (a stopped execution reads STOPPED while its partitions finish
 * their current chunk).
 */
public final class OpsClient {

    /** A response: its status, headers and body. */
    public record Answer(int statusCode, HttpHeaders headers, String body) {

        /** The body as JSON; null when it is empty. */
        public JsonNode json() {
            return body == null || body.isBlank() ? null : DomainJson.MAPPER.readTree(body);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OpsClient.class);
    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");
    private static final Duration PROGRESS_LOG_EVERY = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    /** @param user null for no credentials */
    public OpsClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The local default operator, {@code ops}/{@code ops}, at {@code baseUrl}. */
    public static OpsClient at(String baseUrl) {
        return new OpsClient(baseUrl, "ops", "ops");
    }

    /** The local default operator on {@code 127.0.0.1:port}. */
    public static OpsClient local(int port) {
        return at("http://127.0.0.1:" + port);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, Map<String, ?> body) {
        return post(path, DomainJson.MAPPER.writeValueAsString(body));
    }

    /** @param json null for no body */
    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Starts a job and returns its execution id; fails unless the API answered 202. */
    public long start(String job, Map<String, ?> parameters) {
        Answer answer = post("/ops/jobs/" + job, parameters);
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("starting " + job + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.json().get("executionId").longValue();
    }

    /** Waits until the execution ended (see the class comment) and returns its view; logs its progress meanwhile. */
    public String awaitEnd(long executionId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextLog = System.nanoTime() + PROGRESS_LOG_EVERY.toNanos();
        while (true) {
            String body = get("/ops/jobs/executions/" + executionId).body();
            JsonNode view = DomainJson.MAPPER.readTree(body);
            String status = view.get("status").stringValue();
            if (!view.get("endTime").isNull() && view.get("partitions").get("running").intValue() == 0
                    && !RUNNING.contains(status)) {
                return body;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("execution " + executionId + " still " + status + " after " + timeout + ": " + body);
            }
            if (System.nanoTime() > nextLog) {
                nextLog = System.nanoTime() + PROGRESS_LOG_EVERY.toNanos();
                log.info("execution {}: {}, progress {}", executionId, status, view.get("progress"));
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** Waits until the execution ended; fails unless it COMPLETED; returns the id. */
    public long awaitEndOf(long executionId, Duration timeout) {
        completed(executionId, awaitEnd(executionId, timeout));
        return executionId;
    }

    /** Runs a job to its end and returns its view; fails unless it COMPLETED. */
    public String run(String job, Map<String, ?> parameters, Duration timeout) {
        long executionId = start(job, parameters);
        return completed(executionId, awaitEnd(executionId, timeout));
    }

    private static String completed(long executionId, String view) {
        if (!"COMPLETED".equals(DomainJson.MAPPER.readTree(view).get("status").stringValue())) {
            throw new IllegalStateException("execution " + executionId + " did not complete: " + view);
        }
        return view;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedNotAnswering(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Nothing answered (not listening yet, connection refused or reset). */
    public static final class UncheckedNotAnswering extends RuntimeException {
        UncheckedNotAnswering(String message, IOException cause) {
            super(message, cause);
        }
    }
}
