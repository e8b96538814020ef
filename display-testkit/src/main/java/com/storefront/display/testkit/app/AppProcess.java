package com.storefront.display.testkit.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the platform's apps as a process of its own, on a free port ({@code --server.port}), its output
 * in a log file: from its module's exec jar, as it is deployed, or from a main class on this JVM's class
 * path (a test's child process). The one launcher of the scenario, the benchmarks and the tests.
 */
public final class AppProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppProcess.class);
    private static final int LOG_TAIL = 40;
    /** The system property with the JVM options of the apps started. */
    public static final String JVM_OPTIONS = "app-process.jvm-options";

    private final String app;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AppProcess(String app, int port, Path logFile, Process process) {
        this.app = app;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code app} from its module's {@code target/*-exec.jar} under {@code root}, with these
     * {@code --name=value} arguments, its log {@code <app>.log} in {@code logDir}.
     */
    public static AppProcess fromExecJar(String app, Path root, Path logDir, String heap, List<String> arguments) {
        return start(app, logDir.resolve(app + ".log"), heap, List.of("-jar", execJar(root, app).toString()), arguments);
    }

    /** Starts {@code main} on this JVM's class path, with these arguments, its log in {@code logFile}. */
    public static AppProcess fromClassPath(String app, Class<?> main, Path logFile, String heap, List<String> arguments) {
        return start(app, logFile, heap, List.of("-cp", System.getProperty("java.class.path"), main.getName()), arguments);
    }

    private static AppProcess start(String app, Path logFile, String heap, List<String> launch, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        command.addAll(jvmOptions());
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--spring.main.banner-mode=off");
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            log.info("{} starting on port {} (pid {}, log {})", app, port, process.pid(), logFile);
            return new AppProcess(app, port, logFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + app, e);
        }
    }

    /**
     * JVM options of every app this JVM starts, from the system property {@value #JVM_OPTIONS} (space
     * separated): the build's tests set the C1-only compiler there; benchmarks leave it unset.
     */
    private static List<String> jvmOptions() {
        String options = System.getProperty(JVM_OPTIONS, "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    /** The process id, e.g. to suspend the app as a hung one. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once, with the log's tail, when the process exits. */
    public AppProcess awaitHealthy(Duration timeout) {
        try {
            Awaitility.await(app + " healthy").atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(app + " exited with " + process.exitValue() + "; " + logTail());
                        }
                        return healthStatus() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(app + " not healthy within " + timeout + "; " + logTail(), e);
        }
        log.info("{} is healthy on {}", app, baseUrl());
        return this;
    }

    /** SIGKILL, as a crash: the process gets no chance to clean up. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as an orchestrator stops an app; SIGKILL if it has not exited within 30 s. */
    @Override
    public void close() {
        process.destroy();
        awaitExit();
    }

    /**
     * Stops these apps together, as {@link #close()} stops one: SIGTERM to each first, then each waited
     * for, so that their graceful shutdowns overlap instead of adding up.
     */
    public static void closeAll(Collection<AppProcess> apps) {
        apps.forEach(app -> app.process.destroy());
        apps.forEach(AppProcess::awaitExit);
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 30 s; killing it", app);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The status of {@code GET /actuator/health}, or -1 while nothing listens. */
    private int healthStatus() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return "the last lines of " + logFile + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size()));
        } catch (IOException e) {
            return "see " + logFile;
        }
    }

    private static Path execJar(Path root, String app) {
        Path target = root.resolve(app).resolve("target");
        String build = "; build it first: ./mvnw -DskipTests package -pl " + app + " -am";
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec jar of " + app + " in " + target + build));
        } catch (IOException e) {
            throw new IllegalStateException("no exec jar of " + app + ": " + target + " is unreadable" + build, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
