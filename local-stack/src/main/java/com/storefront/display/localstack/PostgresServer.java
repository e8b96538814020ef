package com.storefront.display.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's binaries) for the production metadata profile: Spring Batch and
 * clustered Quartz. Superuser {@code display}, trust authentication on the loopback address only, and
 * durability off (fsync) because its data is throwaway.
 */
public final class PostgresServer extends LocalServer {

    public static final String USER = "display";
    private static final String SERVER_USER = "postgres";

    public PostgresServer(LocalStackSettings settings) {
        super(settings);
    }

    @Override
    String name() {
        return "postgres";
    }

    @Override
    int port() {
        return settings.postgresPort();
    }

    /** The data directory: our postmaster is the one whose command line names it. */
    @Override
    String mainClass() {
        return dir().resolve("data").toString();
    }

    @Override
    Path mainLog() {
        return stdoutLog();
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + settings.host() + ":" + port() + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        String exists = psql("SELECT 1 FROM pg_database WHERE datname = '" + database + "'", Duration.ofSeconds(30));
        if (!"1".equals(exists)) {
            psql("CREATE DATABASE " + database, Duration.ofSeconds(30));
        }
    }

    @Override
    List<String> prepareCommand() {
        Path bin = binaries();
        Path data = dir().resolve("data");
        Path run = dir().resolve("run");
        try {
            Files.createDirectories(run);
            Files.createDirectories(stdoutLog().getParent());
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                Files.createDirectories(data);
                handToServerUser(dir());
                run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                        "--auth=trust", "-E", "UTF8", "--no-locale")), Duration.ofMinutes(2), "initdb");
            }
            handToServerUser(dir());
        } catch (IOException e) {
            throw new LocalStackException("postgres: cannot prepare " + dir(), e);
        }
        return asServerUser(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port()), "-c", "listen_addresses=" + settings.host(),
                "-c", "unix_socket_directories=" + run, "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=200"));
    }

    @Override
    boolean answers(Duration timeout) {
        try {
            return "1".equals(psql("SELECT 1", timeout));
        } catch (LocalStackException e) {
            return false;
        }
    }

    /** Fast shutdown: SIGTERM would wait for every client to disconnect. */
    @Override
    protected void requestStop(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }

    private String psql(String sql, Duration timeout) {
        Path psql = binaries().resolve("psql");
        return run(List.of(psql.toString(), "-h", settings.host(), "-p", Integer.toString(port()), "-U", USER,
                "-d", "postgres", "-tA", "-c", sql), timeout, "psql").strip();
    }

    private Path binaries() {
        if (settings.postgresBin() != null) {
            return Path.of(settings.postgresBin());
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new LocalStackException("PostgreSQL server binaries not found under /usr/lib/postgresql: install "
                    + "Debian's postgresql package (apt-get install -y postgresql) or set -Dlocal-stack.postgres-bin");
        }
    }

    /** PostgreSQL refuses to run as root: as root, run it as the postgres user (setpriv execs, keeping the pid). */
    private static List<String> asServerUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + SERVER_USER, "--regid=" + SERVER_USER,
                "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void handToServerUser(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setOwner(file, owner);
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private String run(List<String> command, Duration timeout, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new LocalStackException("postgres: " + what + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new LocalStackException("postgres: cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("postgres: interrupted during " + what, e);
        }
    }
}
