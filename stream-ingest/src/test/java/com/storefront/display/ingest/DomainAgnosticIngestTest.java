package com.storefront.display.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;

/**
 * Adding a domain is a projection, a migration and a test: no listener, writer or error-handling code
 * names a particular domain. Pinned by reading the sources of stream-ingest and of display-core's
 * writer and failure store.
 */
class DomainAgnosticIngestTest {

    private static final List<Path> DOMAIN_FREE = List.of(Path.of("src/main/java"),
            Path.of("../display-core/src/main/java/com/storefront/display/core/write"),
            Path.of("../display-core/src/main/java/com/storefront/display/core/failure"));

    @Test
    void noIngestWriterOrFailureCodeNamesADomain() throws IOException {
        String constants = String.join("|", Arrays.stream(Domain.values()).map(Domain::name).toList());
        Pattern namesADomain = Pattern.compile("Domain\\.(" + constants + ")\\b|\\b(Shop|Product|Stock|Price|Coupon|ReviewSummary)State\\b"
                + "|\\b(Shop|Product|Stock|Price|Coupon|ReviewSummary)Projection\\b");
        List<String> found = new ArrayList<>();
        long files = 0;
        for (Path root : DOMAIN_FREE) {
            assertThat(root).isDirectory();
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(source);
                    for (int i = 0; i < lines.size(); i++) {
                        if (namesADomain.matcher(lines.get(i)).find()) {
                            found.add(source + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(10);
        assertThat(found).as("domain-specific code where adding a domain must not reach").isEmpty();
    }
}
