package com.storefront.display.reconciler.launch;

import java.util.List;
import java.util.Set;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.reconciler.selection.DomainSelection;
import com.storefront.display.reconciler.selection.ShopSelection;

/**
 * A {@code reconcile}: which domains of which shops are compared with their sources, and whether the
 * drift found is repaired or only reported ({@code dryRun}).
 */
public record ReconcileRequest(List<Domain> domains, ShopSelection shops, boolean dryRun) {

    public ReconcileRequest {
        domains = List.copyOf(domains);
    }

    /** @throws InvalidJobParametersException saying which parameter is wrong and why */
    public static ReconcileRequest of(JobParameters parameters) throws InvalidJobParametersException {
        ParameterRules.allowOnly(parameters, Set.of(DomainSelection.PARAMETER, ShopSelection.PARAMETER, ParameterRules.DRY_RUN));
        return new ReconcileRequest(ParameterRules.domains(parameters), ParameterRules.shops(parameters),
                ParameterRules.bool(parameters, ParameterRules.DRY_RUN));
    }

    /** The shops as the operator named them: {@code all}, ids or a range. */
    public String scope() {
        if (shops instanceof ShopSelection.Ids ids) {
            return String.join(",", ids.ids().stream().map(String::valueOf).toList());
        }
        if (shops instanceof ShopSelection.Range range) {
            return range.from() + "-" + range.to();
        }
        return "all";
    }
}
