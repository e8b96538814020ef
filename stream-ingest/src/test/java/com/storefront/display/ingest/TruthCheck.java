package com.storefront.display.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.projection.Projections;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.DisplayWriter;
import com.storefront.display.simulator.Simulator;

/** The simulator's truth as the starting read model, and the read model compared with it afterwards. */
final class TruthCheck {

    private TruthCheck() {
    }

    /** What a bulk load does, inline: every domain's export through its projection. */
    static void bulkLoad(Simulator simulator, DisplayWriter writer) {
        for (Domain domain : Domain.values()) {
            List<DisplayWrite> writes = new ArrayList<>();
            long after = 0;
            SourcePage page;
            do {
                page = simulator.truth().export(domain, after, 5_000);
                for (SourceItem item : page.items()) {
                    writes.add(Projections.of(domain).upsert(item));
                }
                after = page.next() == null ? 0 : page.next();
            } while (page.next() != null);
            writer.writeAllAndWait(writes, 256);
        }
    }

    /**
     * Compares shops {@code 1..shops} field by field (header, coupons, products) and fails listing every
     * difference.
     *
     * @return the number of rows compared
     */
    static long assertReadModelIsTheTruth(Simulator simulator, CqlSession session, int shops) {
        List<String> differences = new ArrayList<>();
        long compared = 0;
        for (long shop = 1; shop <= shops; shop++) {
            ReadModel expected = ReadModel.expected(simulator.truth().snapshot(shop));
            compared += expected.products().size() + expected.coupons().size() + 1;
            differences.addAll(expected.differences(ReadModel.read(session, shop)));
        }
        assertThat(differences).as(differences.size() + " differences in " + compared + " rows").isEmpty();
        return compared;
    }
}
