package com.storefront.display.localstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storefront.display.localstack.LocalStackSettings;

/**
 * Issue 42: as root, PostgreSQL runs as another user, which cannot reach a checkout below a folder only
 * root may enter (root's home, a {@code mktemp -d} folder); initdb then failed to load its libraries.
 */
class PostgresServerTest {

    @TempDir
    Path temp;

    @Test
    void aFolderBelowOneOnlyItsOwnerMayEnterIsNotEnterableByTheServerUser() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the server runs as another user only when the build runs as root");
        Path closed = Files.createDirectories(temp.resolve("closed"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path open = Files.createDirectories(temp.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(PostgresServer.enterable(closed.resolve("checkout/.local-stack"), PostgresServer.serverAccount())).isFalse();
        assertThat(PostgresServer.enterable(open.resolve("checkout/.local-stack"), PostgresServer.serverAccount())).isTrue();
    }

    @Test
    void aStackHomeTheServerUserCannotEnterPutsTheServersFilesUnderTheTemporaryFolder() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "the server runs as another user only when the build runs as root");
        Path closed = Files.createDirectories(temp.resolve("closed"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        LocalStackSettings settings = LocalStackSettings.from(name -> name.equals("home") ? closed.resolve(".local-stack").toString() : null);

        Path root = new PostgresServer(settings).serverRoot();

        assertThat(root.startsWith(Path.of(System.getProperty("java.io.tmpdir")))).as(root.toString()).isTrue();
        assertThat(PostgresServer.enterable(root, PostgresServer.serverAccount())).isTrue();
    }
}
