package com.storefront.display.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the platform's apps as a process started from its exec jar, as it is deployed, on a free port,
 * its output in {@code <app>.log} of the scenario's directory.
 */
final class AppProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppProcess.class);

    private final String app;
    private final int port;
    private final Path logFile;
    private final Process process;

    private AppProcess(String app, int port, Path logFile, Process process) {
        this.app = app;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code app} (its module's {@code target/*-exec.jar} under {@code root}) with these
     * {@code --name=value} arguments.
     */
    static AppProcess start(String app, Path root, Path dir, String heap, List<String> arguments) {
        Path jar = execJar(root, app);
        int port = freePort();
        Path logFile = dir.resolve(app + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString(), "--server.port=" + port, "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            log.info("{} starting from {} on port {} (pid {}, log {})", app, jar.getFileName(), port, process.pid(), logFile);
            return new AppProcess(app, port, logFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + app, e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until {@code /actuator/health} answers 200; fails early when the process exits. */
    void awaitHealthy(Http http, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(app + " exited with " + process.exitValue() + "; see " + logFile);
            }
            if (http.status(baseUrl() + "/actuator/health") == 200) {
                log.info("{} is healthy on {}", app, baseUrl());
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(app + " not healthy within " + timeout + "; see " + logFile);
            }
            ConvergenceScenario.pause(Duration.ofMillis(500));
        }
    }

    /** SIGTERM, as an orchestrator stops an app; SIGKILL if it has not exited within 30 s. */
    @Override
    public void close() {
        process.destroy();
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

    private static Path execJar(Path root, String app) {
        Path target = root.resolve(app).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no exec jar of " + app + " in " + target
                            + "; build it first: ./mvnw -DskipTests package -pl " + app + " -am"));
        } catch (IOException e) {
            throw new IllegalStateException("no exec jar of " + app + ": " + target + " is unreadable; build it first: "
                    + "./mvnw -DskipTests package -pl " + app + " -am", e);
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
