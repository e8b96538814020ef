package com.storefront.display.migrations.cql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Finds the migration scripts of a classpath location, in version order. */
public final class CqlMigrationScripts {

    private CqlMigrationScripts() {
    }

    /**
     * @param location a classpath folder, e.g. {@code db/cql}
     * @return the scripts ordered by version; empty when the folder has none
     * @throws IllegalArgumentException when two scripts share a version or a name is malformed
     */
    public static List<CqlMigration> load(String location) {
        List<CqlMigration> scripts = Arrays.stream(resources(location)).map(CqlMigrationScripts::read)
                .sorted(Comparator.comparingInt(CqlMigration::version)).toList();
        Map<Integer, List<CqlMigration>> byVersion = scripts.stream()
                .collect(Collectors.groupingBy(CqlMigration::version));
        byVersion.values().stream().filter(same -> same.size() > 1).findFirst().ifPresent(same -> {
            throw new IllegalArgumentException("CQL migrations share version " + same.get(0).version() + ": "
                    + same.stream().map(CqlMigration::name).toList());
        });
        return scripts;
    }

    private static Resource[] resources(String location) {
        String folder = location.replaceFirst("^classpath\\*?:", "").replaceAll("^/+|/+$", "");
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*.cql");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CqlMigration read(Resource resource) {
        try {
            return CqlMigration.of(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CQL migration " + resource, e);
        }
    }
}
