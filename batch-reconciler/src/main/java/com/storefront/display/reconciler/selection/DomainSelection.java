package com.storefront.display.reconciler.selection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.storefront.display.core.domain.Domain;

/** The {@code domains} job parameter: source path names separated by commas, or {@code all}. */
public final class DomainSelection {

    public static final String PARAMETER = "domains";

    private DomainSelection() {
    }

    /**
     * @param value null or blank means all
     * @throws IllegalArgumentException naming the unknown domain and the valid ones
     */
    public static List<Domain> parse(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")) {
            return List.of(Domain.values());
        }
        Set<Domain> domains = EnumSet.noneOf(Domain.class);
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("domains has an empty entry: '" + value + "'");
            }
            domains.add(Domain.ofSourcePath(name.trim()));
        }
        return new ArrayList<>(domains);
    }
}
