package com.storefront.display.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How any local server's start fails: with the reason, the tail of its log, and no process left. */
class StartFailureTest {

    @Test
    void aStartThatTimesOutFailsWithTheLogTailAndStopsTheProcess(@TempDir Path home) {
        ScriptedServer server = new ScriptedServer(settings(home, 2), "echo booting; echo still booting; exec sleep 120");

        assertThatThrownBy(() -> server.ensureRunning(StackProvider.Owner.TEST_RUN))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("scripted did not answer on port 19999 within 2 s")
                .hasMessageContaining("--- last lines of " + server.stdoutLog())
                .hasMessageContaining("still booting");
        assertThat(server.recordedPid()).isEmpty();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("still booting")))
                .isEmpty();
    }

    @Test
    void aServerThatExitsBeforeItIsReadyFailsAtOnceWithItsExitCode(@TempDir Path home) {
        ScriptedServer server = new ScriptedServer(settings(home, 60), "echo 'address already in use' >&2; exit 3");
        long start = System.nanoTime();

        assertThatThrownBy(() -> server.ensureRunning(StackProvider.Owner.TEST_RUN))
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("scripted exited with code 3 before it was ready")
                .hasMessageContaining("address already in use");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    private static LocalStackSettings settings(Path home, int timeoutSeconds) {
        return LocalStackSettings.from(Map.of("home", home.toString(),
                "start-timeout-seconds", Integer.toString(timeoutSeconds))::get);
    }

    /** A stand-in server: a shell script that never opens its port. */
    private static final class ScriptedServer extends LocalServer {

        private final String script;

        ScriptedServer(LocalStackSettings settings, String script) {
            super(settings);
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public int port() {
            return 19999;
        }

        @Override
        protected String mainClass() {
            return "bash";
        }

        @Override
        protected List<String> prepareCommand() {
            return List.of("bash", "-c", script);
        }

        @Override
        public boolean answers(Duration timeout) {
            return false;
        }

        @Override
        protected Path mainLog() {
            return stdoutLog();
        }
    }
}
