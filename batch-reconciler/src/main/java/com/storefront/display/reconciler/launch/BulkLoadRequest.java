package com.storefront.display.reconciler.launch;

import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.reconciler.selection.DomainSelection;

/** A {@code bulk-load}: the domains whose exports are loaded whole ({@code domains}, all by default). */
public record BulkLoadRequest(List<Domain> domains) {

    public BulkLoadRequest {
        domains = List.copyOf(domains);
    }

    /** @throws InvalidJobParametersException saying which parameter is wrong and why */
    public static BulkLoadRequest of(JobParameters parameters) throws InvalidJobParametersException {
        ParameterRules.allowOnly(parameters, Set.of(DomainSelection.PARAMETER));
        return new BulkLoadRequest(ParameterRules.domains(parameters));
    }
}
