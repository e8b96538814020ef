package com.storefront.display.reconciler.launch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;

import com.storefront.display.core.domain.Topics;

class ParameterRulesTest {

    @Test
    void validParametersPass() {
        assertThatCode(() -> ParameterRules.bulkLoad().validate(parameters(Map.of("domains", "products,stock"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> ParameterRules.reconcile().validate(parameters(Map.of("shops", "1-500", "dryRun", "true"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> ParameterRules.backfill(Topics.CONTRACT).validate(parameters(Map.of("shops", "3,4", "domains", "coupons"))))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownDomainIsRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> ParameterRules.bulkLoad().validate(parameters(Map.of("domains", "products,socks"))))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("'socks'")
                .hasMessageContaining("review-summaries");
    }

    @Test
    void anEmptyRangeABadFlagAndAnUnknownParameterAreRefused() {
        assertThatThrownBy(() -> ParameterRules.reconcile().validate(parameters(Map.of("shops", "9-1"))))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ParameterRules.reconcile().validate(parameters(Map.of("dryRun", "yes"))))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("dryRun");
        assertThatThrownBy(() -> ParameterRules.bulkLoad().validate(parameters(Map.of("shops", "1"))))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("unknown parameter 'shops'");
    }

    @Test
    void aBackfillNeedsItsShops() {
        assertThatThrownBy(() -> ParameterRules.backfill(Topics.CONTRACT).validate(parameters(Map.of("domains", "stock"))))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("needs 'shops'");
    }

    private static JobParameters parameters(Map<String, String> values) {
        Set<JobParameter<?>> parameters = new HashSet<>();
        values.forEach((name, value) -> parameters.add(new JobParameter<>(name, value, String.class, true)));
        return new JobParameters(parameters);
    }
}
