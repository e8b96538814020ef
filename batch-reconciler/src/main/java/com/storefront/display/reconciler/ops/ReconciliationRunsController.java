package com.storefront.display.reconciler.ops;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.storefront.display.reconciler.launch.JobRequestException;
import com.storefront.display.reconciler.reconcile.DriftRecords;
import com.storefront.display.reconciler.reconcile.ReconciliationRuns;

/** Drift reports of reconcile runs: counts per domain and kind, repaired counts, sampled keys. */
@RestController
@RequestMapping("/ops/reconciliation/runs")
class ReconciliationRunsController {

    private final ReconciliationRuns runs;
    private final DriftRecords records;

    ReconciliationRunsController(ReconciliationRuns runs, DriftRecords records) {
        this.runs = runs;
        this.records = records;
    }

    /** Finished runs, newest first: drift over time. */
    @GetMapping
    List<ReconciliationRuns.RunReport> history(@RequestParam(defaultValue = "30") int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        return runs.history(limit);
    }

    @GetMapping("/{executionId}")
    ReconciliationRuns.RunReport run(@PathVariable long executionId) {
        return runs.find(executionId).orElseThrow(() -> new JobRequestException(JobRequestException.Kind.NOT_FOUND,
                "no reconcile execution " + executionId));
    }

    /** Sampled drifted keys of the run, at most {@code limit}. */
    @GetMapping("/{executionId}/samples")
    List<DriftRecords.Sample> samples(@PathVariable long executionId, @RequestParam(defaultValue = "100") int limit) {
        run(executionId);
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000, was " + limit);
        }
        return records.samples(executionId, limit);
    }
}
