package com.storefront.display.reconciler.launch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.Topics;
import com.storefront.display.reconciler.selection.DomainSelection;
import com.storefront.display.reconciler.selection.ShopSelection;

/**
 * A {@code backfill}: either shops re-fetched from their sources ({@code shops}, and {@code domains}), or
 * a topic replayed from a point in time ({@code topic} and {@code since}).
 */
public sealed interface BackfillRequest {

    /** Every chosen domain of the chosen shops written again as its source has it now. */
    record Refetch(List<Domain> domains, ShopSelection shops) implements BackfillRequest {
        public Refetch {
            domains = List.copyOf(domains);
        }
    }

    /** One of the environment's topics read again from {@code since} and applied as the stream would. */
    record Replay(String topic, Instant since) implements BackfillRequest {
    }

    /**
     * @param topics the environment's: a replay takes only one of them
     * @throws InvalidJobParametersException saying which parameter is wrong and why
     */
    static BackfillRequest of(JobParameters parameters, Topics topics) throws InvalidJobParametersException {
        ParameterRules.allowOnly(parameters, Set.of(DomainSelection.PARAMETER, ShopSelection.PARAMETER,
                ParameterRules.TOPIC, ParameterRules.SINCE));
        if (parameters.getString(ParameterRules.TOPIC) != null || parameters.getString(ParameterRules.SINCE) != null) {
            return replay(parameters, topics);
        }
        List<Domain> domains = ParameterRules.domains(parameters);
        if (parameters.getString(ShopSelection.PARAMETER) == null) {
            throw new InvalidJobParametersException("backfill needs 'shops' ('all', ids like '3,17' or a range like "
                    + "'100-199'), or 'topic' and 'since' to replay a topic");
        }
        return new Refetch(domains, ParameterRules.shops(parameters));
    }

    /** True when the parameters ask for a replay; they are valid, {@link #of} has checked them. */
    static boolean isReplay(JobParameters parameters) {
        return parameters.getString(ParameterRules.TOPIC) != null;
    }

    private static Replay replay(JobParameters parameters, Topics topics) throws InvalidJobParametersException {
        String topic = parameters.getString(ParameterRules.TOPIC);
        String since = parameters.getString(ParameterRules.SINCE);
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
        Instant from;
        try {
            from = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidJobParametersException("since must be an ISO-8601 instant like 2026-11-24T00:00:00Z, got '"
                    + since + "'");
        }
        if (from.isAfter(Instant.now())) {
            throw new InvalidJobParametersException("since " + since + " is in the future");
        }
        return new Replay(topic, from);
    }
}
