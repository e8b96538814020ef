package com.storefront.display.reconciler.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;

/**
 * Applies a chunk of shops' repairs (none in a dry run), all timestamped, and counts the drift found and
 * repaired per domain and kind. The counts live in the step's execution
 * context ({@link RunCounts}), committed with each chunk, so a restarted partition goes on counting
 * where it stopped; a bounded sample of drifted keys goes to {@code drift_record}.
 */
public class DriftWriter implements ItemStreamWriter<ShopDrift> {

    private final DisplayWriter writer;
    private final DriftRecords records;
    private final long executionId;
    private final boolean dryRun;
    private final int maxInFlight;
    private final int samplesPerKind;
    private final ReconcilePhases phases;
    private final Map<String, Integer> sampled = new HashMap<>();
    private RunCounts counts = new RunCounts();

    public DriftWriter(DisplayWriter writer, DriftRecords records, long executionId, boolean dryRun,
                             int maxInFlight, int samplesPerKind, ReconcilePhases phases) {
        this.writer = writer;
        this.records = records;
        this.executionId = executionId;
        this.dryRun = dryRun;
        this.maxInFlight = maxInFlight;
        this.samplesPerKind = samplesPerKind;
        this.phases = phases;
    }

    @Override
    public void open(ExecutionContext context) {
        counts = RunCounts.from(context);
    }

    @Override
    public void write(Chunk<? extends ShopDrift> chunk) {
        phases.time(ReconcilePhases.Phase.REPAIR_WRITE, () -> writeTimed(chunk));
    }

    private void writeTimed(Chunk<? extends ShopDrift> chunk) {
        List<Drift> drifts = new ArrayList<>();
        List<DisplayWrite> repairs = new ArrayList<>();
        for (ShopDrift shop : chunk) {
            drifts.addAll(shop.drifts());
            repairs.addAll(shop.repairs());
        }
        if (!dryRun) {
            writer.writeAllAndWait(repairs, maxInFlight);
        }
        for (Drift drift : drifts) {
            counts.add(RunCounts.FOUND, drift.countKey());
            if (!dryRun) {
                counts.add(RunCounts.REPAIRED, drift.countKey());
            }
            if (sampled.merge(drift.countKey(), 1, Integer::sum) <= samplesPerKind) {
                records.record(executionId, drift, !dryRun);
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        counts.saveTo(context);
    }
}
