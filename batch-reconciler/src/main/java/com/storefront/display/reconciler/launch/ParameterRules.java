package com.storefront.display.reconciler.launch;

import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.reconciler.selection.DomainSelection;
import com.storefront.display.reconciler.selection.ShopSelection;

/**
 * What each job accepts, checked before it starts (by the ops API, the CLI and Spring Batch itself): a
 * job's parameters are valid when they parse into its request ({@link BulkLoadRequest},
 * {@link ReconcileRequest}, {@link BackfillRequest}). Unknown parameters, unknown domains, bad shop sets
 * and non-boolean flags are refused with a message that says which and why.
 */
public final class ParameterRules {

    public static final String DRY_RUN = "dryRun";
    /** A backfill that replays this topic instead of re-fetching shops. */
    public static final String TOPIC = "topic";
    /** Where a replay starts: an ISO-8601 instant, e.g. {@code 2026-11-24T00:00:00Z}. */
    public static final String SINCE = "since";

    private ParameterRules() {
    }

    public static JobParametersValidator bulkLoad() {
        return BulkLoadRequest::of;
    }

    public static JobParametersValidator reconcile() {
        return ReconcileRequest::of;
    }

    /** @param topics the environment's: a replay takes only one of them */
    public static JobParametersValidator backfill(Topics topics) {
        return parameters -> BackfillRequest.of(parameters, topics);
    }

    /** @param configured the domains synced when the request names none */
    public static JobParametersValidator incrementalSync(List<Domain> configured) {
        return parameters -> IncrementalSyncRequest.of(parameters, configured);
    }

    static void allowOnly(JobParameters parameters, Set<String> allowed) throws InvalidJobParametersException {
        for (JobParameter<?> parameter : parameters) {
            String name = parameter.name();
            if (!allowed.contains(name) && !JobNames.REQUESTED_AT.equals(name)) {
                throw new InvalidJobParametersException("unknown parameter '" + name + "', expected some of " + allowed);
            }
        }
    }

    static List<Domain> domains(JobParameters parameters) throws InvalidJobParametersException {
        try {
            return DomainSelection.parse(parameters.getString(DomainSelection.PARAMETER));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }

    static ShopSelection shops(JobParameters parameters) throws InvalidJobParametersException {
        try {
            return ShopSelection.parse(parameters.getString(ShopSelection.PARAMETER));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }

    static boolean bool(JobParameters parameters, String name) throws InvalidJobParametersException {
        String value = parameters.getString(name);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw new InvalidJobParametersException(name + " must be true or false, got '" + value + "'");
        }
        return "true".equals(value);
    }
}
