package com.storefront.display.localstack.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.storefront.display.localstack.LocalStackException;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.ProcessStackProvider;
import com.storefront.display.localstack.RunningStack;
import com.storefront.display.localstack.StackProvider;
import com.storefront.display.localstack.junit.LocalStackExtension;

/**
 * One stack for a whole Maven build: every module's integration tests would otherwise start and stop a
 * Cassandra and a Kafka of their own (about 20 s each, and a cold JIT on the server after). The build
 * calls {@link #start} before each module's integration tests: the first call starts the servers (or
 * finds a stack that answers, e.g. {@code ./platform up}'s, and leaves it be), the later ones find them
 * running, and the tests' {@link LocalStackExtension} reuses them. {@link #release} stops what
 * {@link #start} started, where the build no longer needs it. Whatever ends the build, a success, a
 * failed module or an interrupt, a watcher process that {@link #start} leaves behind stops the servers
 * once the Maven process is gone: nothing outlives the build.
 * <p>
 * The marker {@value #MARKER} in the stack home says that the running servers belong to a build and
 * names its watcher; without it the servers are someone else's and a build never stops them.
 */
public final class BuildStack {

    static final String MARKER = "build-stack.pid";
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private final LocalStackSettings settings;

    public BuildStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts the stack for the build run by {@code buildPid}, unless it runs already.
     *
     * @return a line saying what it did
     */
    public String start(long buildPid) {
        if (!(StackProvider.choose(settings) instanceof ProcessStackProvider provider)) {
            return "local stack for the build: not shared (containers end with each test JVM)";
        }
        awaitWatcherOfAnEndedBuild(buildPid);
        Optional<Long> watcher = watcher();
        long begin = System.nanoTime();
        RunningStack stack;
        try {
            stack = provider.start(StackProvider.Owner.PLATFORM);
        } catch (LocalStackException e) {
            if (watcher.isEmpty()) {
                provider.stopAll();
            }
            throw e;
        }
        if (stack.reused()) {
            return watcher.isPresent() ? "local stack for the build: running (watcher pid " + watcher.get() + ")"
                    : "local stack for the build: one runs already, not the build's own; it is left running";
        }
        long watcherPid = startWatcher(buildPid);
        write(marker(), watcherPid + " " + buildPid);
        return String.format("local stack for the build: started in %.1f s, stopped when the build ends (watcher pid %d)",
                (System.nanoTime() - begin) / 1e9, watcherPid);
    }

    /** Stops the build's stack, if the running one is the build's. */
    public String release() {
        if (watcher().isEmpty()) {
            return "local stack for the build: none of the build's runs";
        }
        new ProcessStackProvider(settings).stopAll();
        deleteMarker();
        return "local stack for the build: stopped";
    }

    /** The watcher's loop: stops the build's stack once the build's process is gone or the stack was released. */
    public void watch(long buildPid) throws InterruptedException {
        while (Files.exists(marker())) {
            if (ProcessHandle.of(buildPid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(WATCH_INTERVAL.toMillis());
            } else {
                System.out.println("build " + buildPid + " ended: stopping its local stack");
                new ProcessStackProvider(settings).stopAll();
                deleteMarker();
            }
        }
    }

    /** The pid of a live watcher of an earlier call of this build (or another), if there is one. */
    private Optional<Long> watcher() {
        return markerPid(0).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    /**
     * A build that ended a moment ago leaves its watcher stopping the servers: a start now would find them
     * answering and reuse what is about to stop. Waits for that watcher to finish first.
     */
    private void awaitWatcherOfAnEndedBuild(long buildPid) {
        Optional<Long> build = markerPid(1);
        if (build.isEmpty() || build.get() == buildPid || ProcessHandle.of(build.get()).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (watcher().isPresent() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(WATCH_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Field {@code index} of the marker: 0 the watcher's pid, 1 the build's. */
    private Optional<Long> markerPid(int index) {
        try {
            String[] fields = Files.readString(marker()).trim().split("\\s+");
            return fields.length > index ? Optional.of(Long.parseLong(fields[index])) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private long startWatcher(long buildPid) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "-Dlocal-stack.home=" + settings.home(),
                LocalStackCli.class.getName(), "build-watch", Long.toString(buildPid)));
        try {
            Path log = settings.home().resolve("build-stack-watcher.log");
            Process watcher = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return watcher.pid();
        } catch (IOException e) {
            new ProcessStackProvider(settings).stopAll();
            throw new LocalStackException("could not start the build stack's watcher (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    private Path marker() {
        return settings.home().resolve(MARKER);
    }

    private void deleteMarker() {
        try {
            Files.deleteIfExists(marker());
        } catch (IOException e) {
            throw new LocalStackException("could not delete " + marker() + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new LocalStackException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
