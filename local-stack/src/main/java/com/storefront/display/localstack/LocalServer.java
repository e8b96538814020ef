package com.storefront.display.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server run as a child JVM from a Maven-resolved classpath: reuse when it already answers,
 * launch, wait until ready, stop. Subclasses say how to configure, launch and probe their server.
 */
public abstract class LocalServer {

    private static final Logger log = LoggerFactory.getLogger(LocalServer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(45);
    private static final Duration PROBE = Duration.ofSeconds(5);

    protected final LocalStackSettings settings;

    /** The settings this server runs with: its host, ports and heap. */
    public LocalStackSettings settings() {
        return settings;
    }

    protected LocalServer(LocalStackSettings settings) {
        this.settings = settings;
    }

    /** {@code cassandra} or {@code kafka}. */
    public abstract String name();

    public abstract int port();

    /** The main class, to recognise our process in {@code ps}. */
    protected abstract String mainClass();

    /** Writes configuration and formats storage as needed; returns the full command line. */
    protected abstract List<String> prepareCommand();

    /** True when the server answers its protocol on {@link #port()} within the timeout. */
    public abstract boolean answers(Duration timeout);

    /** The log worth showing when a start fails. */
    protected abstract Path mainLog();

    protected Path dir() {
        return settings.home().resolve(name());
    }

    protected Path pidFile() {
        return dir().resolve(name() + ".pid");
    }

    protected Path stdoutLog() {
        return dir().resolve("logs").resolve("stdout.log");
    }

    /** What {@link #ensureRunning} did. */
    public enum Outcome { STARTED, REUSED, ADOPTED }

    /**
     * Starts the server unless one already answers on its port.
     *
     * @return STARTED when this call launched it; REUSED when another owner's server answers;
     *         ADOPTED when it answers but was started by a test run that has since died
     */
    public Outcome ensureRunning(StackProvider.Owner owner) {
        if (portOpen(port())) {
            return reuseRunning(owner);
        }
        launch(owner);
        return Outcome.STARTED;
    }

    private Outcome reuseRunning(StackProvider.Owner owner) {
        if (!answers(Duration.ofSeconds(20))) {
            throw new LocalStackException(name() + ": port " + settings.host() + ":" + port()
                    + " is taken by a process that does not answer as " + name()
                    + ". Stop it, or choose other ports (-Dlocal-stack." + name() + "-port=...)." + logTail());
        }
        Optional<PidFile> pid = PidFile.read(pidFile());
        boolean orphanOfTestRun = pid.filter(p -> p.owner() == StackProvider.Owner.TEST_RUN)
                .filter(PidFile::ownerGone).flatMap(p -> p.liveProcess(mainClass())).isPresent();
        if (orphanOfTestRun) {
            new PidFile(pid.get().pid(), owner, ProcessHandle.current().pid()).write(pidFile());
            log.info("{}: adopted the server a finished test run left on port {}", name(), port());
            return Outcome.ADOPTED;
        }
        log.info("{}: reusing the server already answering on port {}", name(), port());
        return Outcome.REUSED;
    }

    private void launch(StackProvider.Owner owner) {
        List<String> command = prepareCommand();
        long started = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(stdoutLog().getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stdoutLog().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new LocalStackException(name() + ": could not launch " + command.get(0), e);
        }
        new PidFile(process.pid(), owner, ProcessHandle.current().pid()).write(pidFile());
        log.info("{}: launched pid {}, waiting for it to answer on port {}", name(), process.pid(), port());
        awaitReady(process);
        log.info("{}: ready on port {} after {} ms", name(), port(), (System.nanoTime() - started) / 1_000_000);
    }

    private void awaitReady(Process process) {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LocalStackException(name() + " exited with code " + process.exitValue()
                        + " before it was ready." + logTail());
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (portOpen(port()) && answers(left.compareTo(PROBE) < 0 ? left : PROBE)) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        stop(process.toHandle());
        deletePidFile();
        throw new LocalStackException(name() + " did not answer on port " + port() + " within "
                + settings.startTimeout().toSeconds() + " s (raise -Dlocal-stack.start-timeout-seconds)." + logTail());
    }

    /** Stops the server recorded in the pid file, if it still runs; returns whether one was stopped. */
    public boolean stop() {
        Optional<ProcessHandle> process = PidFile.read(pidFile()).flatMap(p -> p.liveProcess(mainClass()));
        process.ifPresent(this::stop);
        deletePidFile();
        return process.isPresent();
    }

    public Optional<PidFile> recordedPid() {
        return PidFile.read(pidFile()).filter(p -> p.liveProcess(mainClass()).isPresent());
    }

    /**
     * Kills the server recorded in the pid file with SIGKILL, as a crash would, and waits until it is
     * gone; returns whether one was killed.
     */
    public boolean kill() {
        Optional<ProcessHandle> process = PidFile.read(pidFile()).flatMap(p -> p.liveProcess(mainClass()));
        process.ifPresent(p -> {
            log.info("{}: killing pid {} (SIGKILL)", name(), p.pid());
            p.destroyForcibly();
            p.onExit().join();
        });
        deletePidFile();
        return process.isPresent();
    }

    /** Asks the server to shut down cleanly; SIGTERM unless the server wants another signal. */
    protected void requestStop(ProcessHandle process) {
        process.destroy();
    }

    private void stop(ProcessHandle process) {
        log.info("{}: stopping pid {}", name(), process.pid());
        requestStop(process);
        try {
            process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("{}: pid {} did not stop within {} s, killing it", name(), process.pid(), STOP_GRACE.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String logTail() {
        StringBuilder tail = new StringBuilder();
        for (Path file : List.of(mainLog(), stdoutLog())) {
            List<String> lines = lastLines(file, 25);
            if (!lines.isEmpty()) {
                tail.append("\n--- last lines of ").append(file).append(" ---\n").append(String.join("\n", lines));
            }
        }
        return tail.isEmpty() ? " (no server log was written)" : tail.toString();
    }

    private static List<String> lastLines(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (IOException e) {
            return List.of("(could not read: " + e.getMessage() + ")");
        }
    }

    protected boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(settings.host(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    protected String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    protected Path requireLib(String server, String version) {
        Path lib = settings.serverLib(server, version);
        if (!Files.isDirectory(lib)) {
            throw new LocalStackException("The " + server + " " + version + " server classpath is missing at " + lib
                    + ": build once with ./mvnw package (it copies the server jars there).");
        }
        return lib;
    }

    protected static String resource(String name) {
        try (var in = LocalServer.class.getResourceAsStream("/local-stack/" + name)) {
            if (in == null) {
                throw new LocalStackException("missing resource /local-stack/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    protected static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for a server", e);
        }
    }
}
