package com.storefront.display.reconciler.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.storefront.display.reconciler.ReconcilerProperties.Remote;

class RemoteSettingsTest {

    @Test
    void aLeaseNoLongerThanTheConsumerSessionPlusAPollIsRefusedSayingWhy() {
        assertThatThrownBy(() -> remote(Duration.ofSeconds(1), Duration.ofSeconds(11)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("display.reconciler.remote.lease (PT11S)")
                .hasMessageContaining("consumer session (PT10S)");
    }

    @Test
    void aLeaseBeyondTheSessionAndAPollIsTaken() {
        assertThat(remote(Duration.ofSeconds(1), Duration.ofMillis(11_001)).lease()).isEqualTo(Duration.ofMillis(11_001));
    }

    @Test
    void aPollIntervalThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> remote(Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poll-interval must be positive");
    }

    private static Remote remote(Duration pollInterval, Duration lease) {
        return new Remote(true, "batch-partition-requests", 12, "batch-reconciler-workers", 4, pollInterval, lease);
    }
}
