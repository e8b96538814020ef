package com.storefront.display.reconciler.job;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import com.storefront.display.core.domain.Topics;
import com.storefront.display.reconciler.shops.ShopSelection;

/**
 * What each job accepts, checked before it starts (by the ops API, the CLI and Spring Batch itself):
 * unknown parameters, unknown domains, bad shop sets and non-boolean flags are refused with a message
 * that says which and why.
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

    /**
     * Either {@code shops} (and {@code domains}) to re-fetch, or {@code topic} (one of {@code topics}, the
     * environment's) and {@code since} to replay.
     */
    public static JobParametersValidator backfill(Topics topics) {
        return parameters -> {
            allowOnly(parameters, Set.of(DomainSelection.PARAMETER, ShopSelection.PARAMETER, TOPIC, SINCE));
            if (parameters.getString(TOPIC) != null || parameters.getString(SINCE) != null) {
                replay(parameters, topics);
                return;
            }
            domains(parameters);
            if (parameters.getString(ShopSelection.PARAMETER) == null) {
                throw new InvalidJobParametersException("backfill needs 'shops' ('all', ids like '3,17' or a range like "
                        + "'100-199'), or 'topic' and 'since' to replay a topic");
            }
            shops(parameters);
        };
    }

    private static void replay(JobParameters parameters, Topics topics) throws InvalidJobParametersException {
        String topic = parameters.getString(TOPIC);
        String since = parameters.getString(SINCE);
        if (parameters.getString(ShopSelection.PARAMETER) != null || parameters.getString(DomainSelection.PARAMETER) != null) {
            throw new InvalidJobParametersException("a replay takes 'topic' and 'since' only: the topic is the domain, "
                    + "and every shop's events are replayed");
        }
        if (topics.domainOf(topic) == null) {
            throw new InvalidJobParametersException("replay needs 'topic', one of " + topics.all() + "; got " + topic);
        }
        if (since == null) {
            throw new InvalidJobParametersException("replay needs 'since', an ISO-8601 instant like 2026-11-24T00:00:00Z");
        }
        try {
            if (Instant.parse(since).isAfter(Instant.now())) {
                throw new InvalidJobParametersException("since " + since + " is in the future");
            }
        } catch (DateTimeParseException e) {
            throw new InvalidJobParametersException("since must be an ISO-8601 instant like 2026-11-24T00:00:00Z, got '"
                    + since + "'");
        }
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
