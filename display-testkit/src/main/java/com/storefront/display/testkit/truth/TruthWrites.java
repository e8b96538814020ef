package com.storefront.display.testkit.truth;

import java.util.ArrayList;
import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.simulator.truth.SourceOfTruth;

/** What a bulk load writes, made straight from the truth: a test's starting read model, a benchmark's raw rows. */
public final class TruthWrites {

    private static final int PAGE = 10_000;

    private TruthWrites() {
    }

    /** The domain's first {@code limit} entities in export order, each as its projection's upsert. */
    public static List<DisplayWrite> of(SourceOfTruth truth, Domain domain, long limit) {
        List<DisplayWrite> writes = new ArrayList<>();
        long after = 0;
        SourcePage page;
        do {
            page = truth.export(domain, after, PAGE);
            for (SourceItem item : page.items()) {
                if (writes.size() >= limit) {
                    return writes;
                }
                writes.add(Projections.of(domain).upsert(item));
            }
            after = page.next() == null ? 0 : page.next();
        } while (page.next() != null);
        return writes;
    }

    /** Writes every entity of every domain the truth holds, as a bulk load would, and waits for Cassandra. */
    public static void load(SourceOfTruth truth, DisplayWriter writer) {
        for (Domain domain : Domain.values()) {
            writer.writeAllAndWait(of(truth, domain, Long.MAX_VALUE), 256);
        }
    }
}
