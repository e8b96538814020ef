package com.storefront.display.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * The bench classpath holds several apps, each with its own {@code application.yaml} at the root; Spring
 * would load whichever comes first. A benchmark names the one of the app it starts.
 */
final class OwnApplicationYaml {

    private OwnApplicationYaml() {
    }

    /** A copy of the {@code application.yaml} packaged with {@code app}, for {@code spring.config.location}. */
    static Path of(Class<?> app) throws Exception {
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
    }
}
