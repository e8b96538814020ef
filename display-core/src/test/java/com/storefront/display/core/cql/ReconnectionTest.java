package com.storefront.display.core.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;

class ReconnectionTest {

    @Test
    void boundsTheWaitBetweenReconnectionAttempts() {
        DriverExecutionProfile profile = profile(Duration.ofSeconds(5));
        assertThat(profile.getDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY)).isEqualTo(Duration.ofSeconds(1));
        assertThat(profile.getDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aMaximumBelowASecondIsAlsoTheFirstDelay() {
        DriverExecutionProfile profile = profile(Duration.ofMillis(300));
        assertThat(profile.getDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY)).isEqualTo(Duration.ofMillis(300));
        assertThat(profile.getDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void refusesANonPositiveMaximum() {
        assertThatIllegalArgumentException().isThrownBy(() -> Reconnection.atMost(DriverConfigLoader.programmaticBuilder(), Duration.ZERO))
                .withMessageContaining("reconnect-max-delay");
    }

    private static DriverExecutionProfile profile(Duration max) {
        try (DriverConfigLoader loader = Reconnection.atMost(DriverConfigLoader.programmaticBuilder(), max).build()) {
            return loader.getInitialConfig().getDefaultProfile();
        }
    }
}
