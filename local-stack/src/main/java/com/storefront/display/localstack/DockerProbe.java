package com.storefront.display.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Asks whether a Docker engine answers, without loading Testcontainers when there is plainly none. */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
