package com.storefront.display.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartTimeoutIT {

    @Test
    void aStartThatTimesOutFailsWithTheServerLogTailAndLeavesNoProcess(@TempDir Path data) {
        LocalStackSettings defaults = LocalStackSettings.fromEnvironment();
        // a second home that shares the built server classpath, on ports nobody uses
        Path home = data.resolve("home");
        LocalStackSettings settings = LocalStackSettings.from(Map.of(
                "home", home.toString(), "cassandra-port", "19642", "cassandra-storage-port", "17600",
                "start-timeout-seconds", "6")::get);
        linkServers(defaults, home);
        CassandraServer server = new CassandraServer(settings);

        assertThatThrownBy(() -> server.ensureRunning(StackProvider.Owner.TEST_RUN))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("did not answer on port 19642 within 6 s")
                .hasMessageContaining("--- last lines of");
        assertThat(server.recordedPid()).isEmpty();
    }

    private static void linkServers(LocalStackSettings defaults, Path home) {
        try {
            java.nio.file.Files.createDirectories(home);
            java.nio.file.Files.createSymbolicLink(home.resolve("servers"), defaults.home().resolve("servers"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
