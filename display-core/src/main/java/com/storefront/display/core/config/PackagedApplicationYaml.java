package com.storefront.display.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * The {@code application.yaml} packaged with one app, for {@code spring.config.location} when that app
 * runs in-process beside others (a test's embedded simulator, a benchmark): each app has one at the root
 * of its classes, and Spring would load whichever comes first on the class path.
 */
public final class PackagedApplicationYaml {

    private PackagedApplicationYaml() {
    }

    /** A temporary copy of the yaml in {@code app}'s class folder or jar, deleted when the JVM exits. */
    public static Path of(Class<?> app) {
        try {
            Path location = Path.of(app.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path copy = Files.createTempFile(app.getSimpleName(), ".yaml");
            copy.toFile().deleteOnExit();
            if (Files.isDirectory(location)) {
                Files.copy(location.resolve("application.yaml"), copy, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Files.copy(jar.getInputStream(jar.getEntry("application.yaml")), copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the application.yaml of " + app.getName(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + app.getName(), e);
        }
    }
}
