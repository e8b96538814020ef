package com.storefront.display.reconciler.ops;

import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storefront.display.reconciler.launch.JobRequests;
import com.storefront.display.reconciler.progress.PartitionExecutions;

/** The job part of the ops API (docs/contracts.md): start, inspect, stop and restart executions. */
@RestController
@RequestMapping("/ops/jobs")
class OpsJobsController {

    private final JobRequests requests;
    private final JobRepository repository;

    OpsJobsController(JobRequests requests, JobRepository repository) {
        this.requests = requests;
        this.repository = repository;
    }

    /** 202 with the execution id; the job runs on its own thread. */
    @PostMapping("/{job}")
    ResponseEntity<Map<String, Long>> start(@PathVariable String job, @RequestBody(required = false) Map<String, Object> parameters) {
        JobExecution execution = requests.start(job, parameters == null ? Map.of() : parameters, System.currentTimeMillis());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", execution.getId()));
    }

    /** The most recent executions of every job, newest first. */
    @GetMapping("/executions")
    List<ExecutionView> executions(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit must be 1..200, was " + limit);
        }
        return requests.recent(limit).stream()
                .map(execution -> ExecutionView.of(execution, PartitionExecutions.latest(repository, execution))).toList();
    }

    @GetMapping("/executions/{id}")
    ExecutionView execution(@PathVariable long id) {
        JobExecution execution = requests.execution(id);
        return ExecutionView.of(execution, PartitionExecutions.latest(repository, execution));
    }

    @PostMapping("/executions/{id}/stop")
    ResponseEntity<Map<String, Object>> stop(@PathVariable long id) {
        requests.stop(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", id, "status", "STOPPING"));
    }

    /** 202 with the new execution's id. */
    @PostMapping("/executions/{id}/restart")
    ResponseEntity<Map<String, Long>> restart(@PathVariable long id) {
        JobExecution restarted = requests.restart(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("executionId", restarted.getId(), "restartOf", id));
    }
}
