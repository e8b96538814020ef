package com.storefront.display.reconciler.job;

import java.util.Set;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import com.storefront.display.reconciler.shops.ShopSelection;

/**
 * What each job accepts, checked before it starts (by the ops API, the CLI and Spring Batch itself):
 * unknown parameters, unknown domains, bad shop sets and non-boolean flags are refused with a message
 * that says which and why.
 */
public final class ParameterRules {

    public static final String DRY_RUN = "dryRun";

    private ParameterRules() {
    }

    public static JobParametersValidator bulkLoad() {
        return parameters -> {
            allowOnly(parameters, Set.of(DomainSelection.PARAMETER));
            domains(parameters);
        };
    }

    public static JobParametersValidator reconcile() {
        return parameters -> {
            allowOnly(parameters, Set.of(DomainSelection.PARAMETER, ShopSelection.PARAMETER, DRY_RUN));
            domains(parameters);
            shops(parameters);
            bool(parameters, DRY_RUN);
        };
    }

    public static JobParametersValidator backfill() {
        return parameters -> {
            allowOnly(parameters, Set.of(DomainSelection.PARAMETER, ShopSelection.PARAMETER));
            domains(parameters);
            if (parameters.getString(ShopSelection.PARAMETER) == null) {
                throw new InvalidJobParametersException("backfill needs 'shops': 'all', ids like '3,17' or a range like '100-199'");
            }
            shops(parameters);
        };
    }

    private static void allowOnly(JobParameters parameters, Set<String> allowed) throws InvalidJobParametersException {
        for (JobParameter<?> parameter : parameters) {
            String name = parameter.name();
            if (!allowed.contains(name) && !JobNames.REQUESTED_AT.equals(name)) {
                throw new InvalidJobParametersException("unknown parameter '" + name + "', expected some of " + allowed);
            }
        }
    }

    private static void domains(JobParameters parameters) throws InvalidJobParametersException {
        try {
            DomainSelection.parse(parameters.getString(DomainSelection.PARAMETER));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }

    private static void shops(JobParameters parameters) throws InvalidJobParametersException {
        try {
            ShopSelection.parse(parameters.getString(ShopSelection.PARAMETER));
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }

    private static void bool(JobParameters parameters, String name) throws InvalidJobParametersException {
        String value = parameters.getString(name);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw new InvalidJobParametersException(name + " must be true or false, got '" + value + "'");
        }
    }
}
