package com.storefront.display.scenario;

import java.time.Duration;
import java.util.Map;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.simulator.SimulatorStats;
import com.storefront.display.testkit.truth.ReadModelOracle;

/**
 * What a convergence run did and found: the faults the simulator injected (counted), what reconcile
 * reported and repaired, and the comparisons with the truth before and after it.
 */
public record ConvergenceReport(ConvergenceScenario.Settings settings, SimulatorStats.Snapshot stream, Duration drained,
                                Map<String, Long> drift, Map<String, Long> repaired, Duration reconciled,
                                ReadModelOracle.Result beforeReconcile, ReadModelOracle.Result afterReconcile,
                                FailureCensus failures, StoreFrontCheck.Result storeFront, Duration total,
                                boolean ingestHealthy) {

    /** The read model equals the truth, every malformed record is in the failure store, the API serves the truth. */
    public boolean converged() {
        return afterReconcile.totalDifferences() == 0 && failures.distinctPoison() == stream.malformed()
                && failures.poisonWithoutReason() == 0 && failures.retryableWaiting() == 0
                && storeFront.differences().isEmpty();
    }

    public long cellsDifferingBefore() {
        return beforeReconcile.totalDifferences();
    }

    public long cellsDifferingAfter() {
        return afterReconcile.totalDifferences();
    }

    /** Malformed records the simulator sent that the failure store lacks. */
    public long malformedMissing() {
        return Math.max(0, stream.malformed() - failures.distinctPoison());
    }

    public long storeFrontFields() {
        return storeFront.fields();
    }

    public long storeFrontDifferences() {
        return storeFront.differences().size();
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("convergence: %d shops, %d products, %d changes/s, faults %s, %.0f%% zero-payload product events%n",
                settings.shops(), settings.products(), settings.changesPerSecond(), settings.faults(),
                settings.thinProductEvents() * 100));
        out.append(String.format("stream: %d changes, %d events sent, %d dropped, %d duplicated, %d reordered, %d malformed; "
                        + "Cassandra down %d s, source APIs down %d s (%d calls refused); lag drained %d s after the stream stopped%n",
                stream.changes(), stream.sent(), stream.dropped(), stream.duplicated(), stream.reordered(), stream.malformed(),
                settings.cassandraOutage().toSeconds(), settings.sourceOutage().toSeconds(), stream.apiOutageRejections(),
                drained.toSeconds()));
        out.append(String.format("failure store: %d poison entries (%d distinct records, %d malformed sent), %d without reason; "
                        + "%d deferred thin events, %d not re-driven%n", failures.poisonEntries(), failures.distinctPoison(),
                stream.malformed(), failures.poisonWithoutReason(), failures.deferred(), failures.retryableWaiting()));
        out.append(String.format("reconcile (%d s): drift %s, repaired %s%n", reconciled.toSeconds(), drift, repaired));
        out.append(String.format("%-14s %12s %12s %18s %18s%n", "domain", "entities", "cells", "diff. before rec.", "diff. after rec."));
        for (Domain domain : Domain.values()) {
            out.append(String.format("%-14s %12d %12d %18d %18d%n", domain.sourcePath(), afterReconcile.entities().get(domain),
                    afterReconcile.cells().get(domain), beforeReconcile.differences().get(domain),
                    afterReconcile.differences().get(domain)));
        }
        out.append(String.format("%-14s %12d %12d %18d %18d%n", "all", afterReconcile.totalEntities(), afterReconcile.totalCells(),
                beforeReconcile.totalDifferences(), afterReconcile.totalDifferences()));
        out.append(String.format("display API: %d sampled shops, %d products, %d fields compared, %d differences%n",
                storeFront.shops(), storeFront.products(), storeFront.fields(), storeFront.differences().size()));
        out.append(String.format("%s in %d s%n", converged() ? "CONVERGED" : "NOT CONVERGED", total.toSeconds()));
        return out.toString();
    }
}
