package com.storefront.display.reconciler.launch;

import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.reconciler.selection.DomainSelection;

/**
 * An {@code incremental-sync}: the domains whose incremental exports are applied from their high-water
 * marks ({@code domains}; by default the configured ones, {@code display.reconciler.sync.domains}).
 */
public record IncrementalSyncRequest(List<Domain> domains) {

    public IncrementalSyncRequest {
        domains = List.copyOf(domains);
    }

    /**
     * @param configured the domains synced when the request names none
     * @throws InvalidJobParametersException saying which parameter is wrong and why
     */
    public static IncrementalSyncRequest of(JobParameters parameters, List<Domain> configured) throws InvalidJobParametersException {
        ParameterRules.allowOnly(parameters, Set.of(DomainSelection.PARAMETER));
        String named = parameters.getString(DomainSelection.PARAMETER);
        List<Domain> domains = named == null || named.isBlank() ? configured : ParameterRules.domains(parameters);
        if (domains.isEmpty()) {
            throw new InvalidJobParametersException("no domains to sync: name them in 'domains' or configure "
                    + "display.reconciler.sync.domains");
        }
        return new IncrementalSyncRequest(domains);
    }
}
