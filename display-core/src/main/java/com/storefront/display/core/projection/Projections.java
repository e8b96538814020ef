package com.storefront.display.core.projection;

import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

import com.storefront.display.core.domain.Domain;

/** Every domain's projection, found on the class path; exactly one per {@link Domain}. */
public final class Projections {

    private static final Map<Domain, Projection> BY_DOMAIN = load();

    private Projections() {
    }

    /** The projection of a domain. */
    public static Projection of(Domain domain) {
        return BY_DOMAIN.get(domain);
    }

    private static Map<Domain, Projection> load() {
        Map<Domain, Projection> found = new EnumMap<>(Domain.class);
        for (Projection projection : ServiceLoader.load(Projection.class, Projections.class.getClassLoader())) {
            Projection twin = found.put(projection.domain(), projection);
            if (twin != null) {
                throw new IllegalStateException("two projections for " + projection.domain() + ": "
                        + twin.getClass().getName() + " and " + projection.getClass().getName());
            }
        }
        for (Domain domain : Domain.values()) {
            if (!found.containsKey(domain)) {
                throw new IllegalStateException("no projection for " + domain + ": add one and list it in "
                        + "META-INF/services/" + Projection.class.getName());
            }
        }
        return found;
    }
}
