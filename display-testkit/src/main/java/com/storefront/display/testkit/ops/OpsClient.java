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
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.core.domain.DomainJson;

import tools.jackson.databind.JsonNode;

/**
 * batch-reconciler's ops API over HTTP, as an operator's script calls it (docs/contracts.md): the one
 * client of every test, scenario and benchmark: jobs are started as {@link Execution}s and followed to
 * their end; every wait is on a condition, within the client's timeout (5 minutes unless set).
 */
public final class OpsClient {

    /** A response to {@code request} (method and path): its status, headers and body. */
    public record Answer(String request, int statusCode, HttpHeaders headers, String body) {

        /** The body as JSON; null when it is empty. */
        public JsonNode json() {
            return body == null || body.isBlank() ? null : DomainJson.MAPPER.readTree(body);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OpsClient.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROGRESS_LOG_EVERY = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;

    /** @param user null for no credentials */
    public OpsClient(String baseUrl, String user, String password) {
        this(baseUrl, user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                DEFAULT_TIMEOUT);
    }

    private OpsClient(String baseUrl, String authorization, Duration timeout) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.timeout = timeout;
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

    /** The same client, waiting at most {@code timeout} for a job or a condition. */
    public OpsClient withTimeout(Duration timeout) {
        return new OpsClient(baseUrl, authorization, timeout);
    }

    /** The parameters of a dry run. */
    public static Map<String, Object> dryRun() {
        return Map.of("dryRun", true);
    }

    public Execution bulkLoad(Map<String, ?> parameters) {
        return start("bulk-load", parameters);
    }

    public Execution reconcile(Map<String, ?> parameters) {
        return start("reconcile", parameters);
    }

    public Execution backfill(Map<String, ?> parameters) {
        return start("backfill", parameters);
    }

    public Execution incrementalSync(Map<String, ?> parameters) {
        return start("incremental-sync", parameters);
    }

    /** Starts a job; fails unless the API answered 202. */
    public Execution start(String job, Map<String, ?> parameters) {
        return started(post("/ops/jobs/" + job, parameters));
    }

    /** An execution known by its id. */
    public Execution execution(long executionId) {
        return new Execution(this, executionId);
    }

    /** Runs a job to its end and returns its last view; fails unless it COMPLETED. */
    public Execution.View run(String job, Map<String, ?> parameters) {
        return start(job, parameters).complete();
    }

    /** {@code GET path}, read as {@code type}; fails unless the API answered 200. */
    public <T> T read(String path, Class<T> type) {
        Answer answer = get(path);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return DomainJson.MAPPER.readValue(answer.body(), type);
    }

    /**
     * Polls {@code read} until {@code done} holds, within this client's timeout, logging the value every
     * 10 s, and returns the value that satisfied it; on timeout, fails with the last value read.
     */
    public <T> T await(String what, Callable<T> read, Predicate<? super T> done) {
        AtomicReference<Object> last = new AtomicReference<>();
        AtomicLong nextLog = new AtomicLong(PROGRESS_LOG_EVERY.toMillis());
        try {
            return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .conditionEvaluationListener(condition -> {
                        last.set(condition.getValue());
                        if (condition.getElapsedTimeInMS() > nextLog.get()) {
                            nextLog.addAndGet(PROGRESS_LOG_EVERY.toMillis());
                            log.info("awaiting {} for {} s: {}", what, condition.getElapsedTimeInMS() / 1000, condition.getValue());
                        }
                    }).until(read, done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not within " + timeout + "; last read " + last.get(), e);
        }
    }

    Execution started(Answer answer) {
        accepted(answer);
        return execution(answer.json().get("executionId").longValue());
    }

    void accepted(Answer answer) {
        if (answer.statusCode() != 202) {
            throw new IllegalStateException(answer.request() + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(built.method() + " " + built.uri().getPath(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedNotAnswering(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    /** Nothing answered (not listening yet, connection refused or reset). */
    public static final class UncheckedNotAnswering extends RuntimeException {
        UncheckedNotAnswering(String message, IOException cause) {
            super(message, cause);
        }
    }
}
