package com.storefront.display.localstack.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileSystems;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.storefront.display.localstack.LocalServer;
import com.storefront.display.localstack.LocalStackException;
import com.storefront.display.localstack.LocalStackSettings;
import com.storefront.display.localstack.StackProvider;

/**
 * A real PostgreSQL server for the production metadata profile: Spring Batch and clustered Quartz. Its
 * binaries come from Maven Central ({@link PostgresBinaries}) unless {@code local-stack.postgres-bin}
 * names a folder of them. Superuser {@code display}, trust authentication on the loopback address only,
 * and durability off (fsync) because its data is throwaway.
 */
public final class PostgresServer extends LocalServer {

    public static final String USER = "display";
    private static final String SERVER_USER = "postgres";

    public PostgresServer(LocalStackSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public int port() {
        return settings.postgresPort();
    }

    /** The data directory: our postmaster is the one whose command line names it. */
    @Override
    protected String mainClass() {
        return serverRoot().resolve("data").toString();
    }

    @Override
    protected Path mainLog() {
        return stdoutLog();
    }

    /**
     * This machine's PostgreSQL for a test run or a benchmark: the one that answers on its port, or one
     * started now. Closing the lease stops it only when it was started (or adopted) here.
     */
    public static Lease acquire(LocalStackSettings settings) {
        PostgresServer server = new PostgresServer(settings);
        return new Lease(server, server.ensureRunning(StackProvider.Owner.TEST_RUN) != Outcome.REUSED);
    }

    /** A PostgreSQL in use, and whether this lease started it (and so stops it). */
    public record Lease(PostgresServer server, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                server.stop();
            }
        }
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
        if (!"1".equals(query("SELECT 1 FROM pg_database WHERE datname = '" + database + "'", Duration.ofSeconds(30)))) {
            query("CREATE DATABASE " + database, Duration.ofSeconds(30));
        }
    }

    @Override
    protected List<String> prepareCommand() {
        Path bin = binaries();
        Path data = serverRoot().resolve("data");
        Path run = serverRoot().resolve("run");
        try {
            Files.createDirectories(run);
            Files.createDirectories(stdoutLog().getParent());
            discardDataOfAnotherMajorVersion(data);
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                Files.createDirectories(data);
                handToServerUser(serverRoot());
                run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                        "--auth=trust", "-E", "UTF8", "--no-locale")), Duration.ofMinutes(2), "initdb");
            }
            handToServerUser(serverRoot());
        } catch (IOException e) {
            throw new LocalStackException("postgres: cannot prepare " + dir(), e);
        }
        return asServerUser(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port()), "-c", "listen_addresses=" + settings.host(),
                "-c", "unix_socket_directories=" + run, "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "max_connections=200"));
    }

    /**
     * The data is throwaway, and a data folder that another major version made (e.g. Debian's server before
     * the binaries came from Maven Central) would stop the server from starting: it is made anew.
     */
    private void discardDataOfAnotherMajorVersion(Path data) throws IOException {
        Path version = data.resolve("PG_VERSION");
        String major = settings.postgresVersion().split("\\.")[0];
        if (settings.postgresBin() == null && Files.exists(version) && !Files.readString(version).strip().equals(major)) {
            deleteTree(data);
        }
    }

    @Override
    public boolean answers(Duration timeout) {
        try {
            return "1".equals(query("SELECT 1", timeout));
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

    /** Runs one statement as the superuser on database {@code postgres}; the first column of the first row, or null. */
    private String query(String sql, Duration timeout) {
        DriverManager.setLoginTimeout((int) Math.max(1, timeout.toSeconds()));
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet rows = statement.getResultSet()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new LocalStackException("postgres: '" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    private Path binaries() {
        if (settings.postgresBin() != null) {
            return Path.of(settings.postgresBin());
        }
        return relocated() ? PostgresBinaries.bin(serverRoot().resolve("server")) : PostgresBinaries.bin(settings);
    }

    /**
     * Where the server's data (and, when relocated, its binaries) live: beside the other servers in the stack
     * home, unless the build runs as root from a folder that the server's user cannot enter (root's own home
     * and a {@code mktemp -d} folder are 0700): then in a folder of its own under the system's temporary
     * folder, one per stack home. initdb failed there with "error while loading shared libraries".
     */
    Path serverRoot() {
        return relocated() ? Path.of(System.getProperty("java.io.tmpdir"),
                "local-stack-postgres-" + Integer.toHexString(settings.home().toString().hashCode())) : dir();
    }

    private boolean relocated() {
        return isRoot() && !enterable(settings.home(), serverAccount());
    }

    /** Whether the user can walk down to {@code dir}: every existing folder on the way lets it through. */
    static boolean enterable(Path dir, ServerAccount account) {
        try {
            for (Path folder = dir.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
                if (!Files.exists(folder)) {
                    continue;
                }
                PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class);
                Set<PosixFilePermission> permissions = attributes.permissions();
                boolean through = attributes.owner().equals(account.user()) ? permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                        : attributes.group().equals(account.group()) ? permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                        : permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
                if (!through) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new LocalStackException("postgres: cannot read the permissions on the way to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * PostgreSQL refuses to run as root: as root, run it as the {@code postgres} user, or {@code nobody}
     * where there is none (setpriv execs, keeping the pid).
     */
    private static List<String> asServerUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        ServerAccount account = serverAccount();
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + account.user().getName(),
                "--regid=" + account.group().getName(), "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void handToServerUser(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        ServerAccount account = serverAccount();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Files.setOwner(file, account.user());
                Files.getFileAttributeView(file, PosixFileAttributeView.class).setGroup(account.group());
            }
        }
    }

    /** The user and group the server runs as when the build runs as root; looked up once per JVM. */
    record ServerAccount(UserPrincipal user, GroupPrincipal group) {

        private static ServerAccount lookUp() {
            UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
            UserPrincipal user;
            try {
                user = users.lookupPrincipalByName(SERVER_USER);
            } catch (IOException e) {
                try {
                    user = users.lookupPrincipalByName("nobody");
                } catch (IOException none) {
                    throw new LocalStackException("postgres: as root it needs a user '" + SERVER_USER
                            + "' or 'nobody' to run the server as", none);
                }
            }
            return new ServerAccount(user, primaryGroup(users, user.getName()));
        }

        /** Debian's {@code nobody} is in {@code nogroup}, not {@code nobody}. */
        private static GroupPrincipal primaryGroup(UserPrincipalLookupService users, String user) {
            try {
                Process id = new ProcessBuilder("id", "-gn", user).redirectErrorStream(true).start();
                String group = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (id.waitFor() != 0) {
                    throw new LocalStackException("postgres: cannot find the group of user " + user + ": " + group);
                }
                return users.lookupPrincipalByGroupName(group);
            } catch (IOException e) {
                throw new LocalStackException("postgres: cannot find the group of user " + user, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalStackException("postgres: interrupted while looking up user " + user, e);
            }
        }
    }

    private static ServerAccount account;

    static synchronized ServerAccount serverAccount() {
        if (account == null) {
            account = ServerAccount.lookUp();
        }
        return account;
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
