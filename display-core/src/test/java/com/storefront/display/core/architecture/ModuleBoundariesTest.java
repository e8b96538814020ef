package com.storefront.display.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The module map of docs/architecture.md, checked on the poms: the apps share code only through display-core
 * (and the schema in db-migrations), never depend on each other (only their tests may run the
 * simulator in-process), and use local-stack only in tests.
 */
class ModuleBoundariesTest {

    private static final List<String> APPS = List.of("stream-ingest", "batch-reconciler", "display-api", "source-simulator");
    private static final String GROUP = "com.storefront.display";

    @Test
    void appsNeverDependOnEachOther() throws Exception {
        for (String app : APPS) {
            Map<String, String> dependencies = ourDependencies(app);
            for (String other : APPS) {
                String scope = dependencies.get(other);
                // the one exception: tests may run the simulator in-process (EmbeddedSimulator)
                boolean allowed = scope == null || other.equals("source-simulator") && scope.equals("test");
                assertThat(allowed).as(app + " -> " + other + " in scope " + scope).isTrue();
            }
        }
    }

    @Test
    void localStackIsATestDependencyOnly() throws Exception {
        for (String module : List.of("stream-ingest", "batch-reconciler", "display-api", "source-simulator",
                "display-core", "db-migrations")) {
            assertThat(ourDependencies(module).getOrDefault("local-stack", "test")).as(module).isEqualTo("test");
        }
    }

    @Test
    void theCoreDependsOnNoApplicationModule() throws Exception {
        assertThat(ourDependencies("display-core").keySet()).containsOnly("db-migrations", "local-stack");
    }

    /** This project's modules a module depends on, with their scope. */
    private static Map<String, String> ourDependencies(String module) throws Exception {
        Path pom = Path.of("..").resolve(module).resolve("pom.xml");
        assertThat(pom).exists();
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Files.newInputStream(pom)).getDocumentElement();
        NodeList dependencies = project.getElementsByTagName("dependency");
        List<Map.Entry<String, String>> ours = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (GROUP.equals(text(dependency, "groupId")) && dependency.getParentNode().getParentNode() == project) {
                String scope = text(dependency, "scope");
                ours.add(Map.entry(text(dependency, "artifactId"), scope == null ? "compile" : scope));
            }
        }
        return Map.ofEntries(ours.toArray(Map.Entry[]::new));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
