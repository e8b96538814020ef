package com.storefront.display.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The documents live in the repository: every {@code docs/...} path that code, tests, scripts or the
 * README cite exists, and so does every relative link between the documents. A renamed or deleted
 * document fails here, not in a reader's browser.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CITED = Pattern.compile("docs/[A-Za-z0-9_./-]*[A-Za-z0-9_-]\\.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:\\s]+\\.md)(#[^)]*)?\\)");
    private static final Set<String> SKIPPED = Set.of("target", ".git", ".local-stack", ".mvn", "node_modules");
    private static final Set<String> SCRIPTS = Set.of("platform", "run", "run-all", "ingest", "batch", "display-api",
            "simulator", "convergence");

    @Test
    void theRepositoryHasItsDocuments() {
        assertThat(ROOT.resolve("docs")).isDirectory();
        assertThat(List.of("contracts.md", "architecture.md", "operations.md"))
                .allSatisfy(document -> assertThat(ROOT.resolve("docs").resolve(document)).isRegularFile());
    }

    @Test
    void everyCitedDocumentExists() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Path> sources = sources();
        for (Path file : sources) {
            Matcher cited = CITED.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (cited.find()) {
                if (!Files.isRegularFile(ROOT.resolve(cited.group()))) {
                    missing.add(ROOT.relativize(file) + " cites " + cited.group());
                }
            }
        }
        assertThat(sources).as("files read").hasSizeGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyLinkBetweenDocumentsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> documents = Files.list(ROOT.resolve("docs"))) {
            for (Path document : Stream.concat(documents, Stream.of(ROOT.resolve("README.md"))).toList()) {
                Matcher link = LINK.matcher(Files.readString(document, StandardCharsets.UTF_8));
                while (link.find()) {
                    if (!Files.isRegularFile(document.getParent().resolve(link.group(1)).normalize())) {
                        broken.add(ROOT.relativize(document) + " links to " + link.group(1));
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** Code, tests, configuration, scripts and the README; not build outputs, server data or git. */
    private static List<Path> sources() throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (cites(file)) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }

    private static boolean cites(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".yaml") || name.endsWith(".xml") || name.endsWith(".properties")
                || name.endsWith(".sh") || name.equals("README.md") || SCRIPTS.contains(name);
    }
}
