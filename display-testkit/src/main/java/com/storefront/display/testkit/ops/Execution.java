package com.storefront.display.testkit.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.storefront.display.core.domain.DomainJson;

/**
 * One job execution, as an operator follows it through the ops API: its view, its end, its run report,
 * stop and restart. An execution has ended when its status is final, it has an end time and none of its
 * partitions runs (a stopped execution reads STOPPED while its partitions finish their current chunk).
 */
public final class Execution {

    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");

    private final OpsClient ops;
    private final long id;

    Execution(OpsClient ops, long id) {
        this.ops = ops;
        this.id = id;
    }

    public long id() {
        return id;
    }

    /** {@code GET /ops/jobs/executions/{id}}, now. */
    public View view() {
        return ops.read("/ops/jobs/executions/" + id, View.class);
    }

    /** Waits, within the client's job timeout, until the execution ended, and returns its last view. */
    public View awaitEnd() {
        return ops.await("execution " + id + " ends", this::view, View::ended);
    }

    /** Waits until the execution ended; fails unless it COMPLETED. */
    public View complete() {
        View ended = awaitEnd();
        if (!"COMPLETED".equals(ended.status())) {
            throw new AssertionError("execution " + id + " ended " + ended.status() + ", not COMPLETED: " + ended);
        }
        return ended;
    }

    /** Waits until the execution has read at least {@code items} items. */
    public View awaitRead(long items) {
        return ops.await("execution " + id + " reads " + items + " items", this::view, view -> view.readCount() >= items);
    }

    /** The reconcile run report, {@code GET /ops/reconciliation/runs/{id}}. */
    public RunReport report() {
        return ops.read("/ops/reconciliation/runs/" + id, RunReport.class);
    }

    /** The drift samples of a reconcile run, as the API returns them. */
    public String samples() {
        return ops.get("/ops/reconciliation/runs/" + id + "/samples").body();
    }

    /** Asks the execution to stop; fails unless the API accepted (202). */
    public Execution stop() {
        ops.accepted(stopRequest());
        return this;
    }

    public OpsClient.Answer stopRequest() {
        return ops.post("/ops/jobs/executions/" + id + "/stop", Map.of());
    }

    /** Restarts the execution; fails unless the API accepted (202); returns the new execution. */
    public Execution restart() {
        return ops.started(restartRequest());
    }

    public OpsClient.Answer restartRequest() {
        return ops.post("/ops/jobs/executions/" + id + "/restart", Map.of());
    }

    @Override
    public String toString() {
        return "execution " + id;
    }

    /** The execution view of docs/contracts.md, as far as tests read it. */
    public record View(long executionId, String job, String status, Instant startTime, Instant endTime, long readCount,
                       long writeCount, long skipCount, Partitions partitions, Progress progress, List<String> failures,
                       Map<String, Sync> sync) {

        public boolean ended() {
            return endTime != null && partitions.running() == 0 && !RUNNING.contains(status);
        }

        /** The instances that ran the execution's partitions. */
        public Set<String> workers() {
            return partitions.items().stream().map(Partition::worker).collect(Collectors.toSet());
        }

        @Override
        public String toString() {
            return DomainJson.MAPPER.writeValueAsString(this);
        }
    }

    /** @param items one per partition: its step name, status, counts and the instance that ran it */
    public record Partitions(int total, int completed, int failed, int running, List<Partition> items) {
    }

    public record Partition(String name, String status, long readCount, long writeCount, String worker) {
    }

    public record Progress(long done, long total, double percent) {
    }

    /** An incremental sync's high-water mark in one domain and how far behind the source that is. */
    public record Sync(long mark, Instant markTime, double lagSeconds) {
    }

    /** A reconcile run report: drift per {@code domain:kind} and how much of it was repaired. */
    public record RunReport(long executionId, String status, boolean dryRun, Map<String, Long> drift,
                            Map<String, Long> repaired) {
    }
}
