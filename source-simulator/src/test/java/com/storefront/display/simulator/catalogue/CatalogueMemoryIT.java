package com.storefront.display.simulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.simulator.truth.SourceOfTruth;

/**
 * A 10M-product catalogue costs O(shops) memory and exporting it keeps the heap flat: the live heap
 * after a full GC is measured every million products. Long (about half a minute), hence an IT.
 */
class CatalogueMemoryIT {

    private static final Logger log = LoggerFactory.getLogger(CatalogueMemoryIT.class);
    static final long PRODUCTS = 10_000_000;

    @Test
    void exportingTenMillionProductsKeepsTheHeapFlat() {
        long beforeCatalogue = liveHeap();
        SourceOfTruth truth = new SourceOfTruth(new Catalogue(CatalogueSettings.of(42, 100_000, PRODUCTS)));
        long catalogueCost = liveHeap() - beforeCatalogue;

        List<Long> heapPerMillion = new ArrayList<>();
        long exported = 0;
        long nextMark = 1_000_000;
        long after = 0;
        long start = System.nanoTime();
        for (SourcePage page = truth.export(Domain.PRODUCT, 0, 10_000); ; page = truth.export(Domain.PRODUCT, after, 10_000)) {
            exported += page.items().size();
            if (exported >= nextMark) {
                heapPerMillion.add(liveHeap());
                nextMark += 1_000_000;
            }
            if (page.next() == null) {
                break;
            }
            after = page.next();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long spread = heapPerMillion.stream().mapToLong(Long::longValue).max().orElseThrow()
                - heapPerMillion.stream().mapToLong(Long::longValue).min().orElseThrow();
        log.info("catalogue of {} products costs {} KiB; exported in {} s ({} products/s in-process); "
                        + "live heap per million exported (MiB): {}; spread {} KiB", PRODUCTS, catalogueCost / 1024,
                String.format("%.1f", seconds), Math.round(exported / seconds),
                heapPerMillion.stream().map(b -> b / (1024 * 1024)).toList(), spread / 1024);

        assertThat(exported).isEqualTo(PRODUCTS);
        assertThat(catalogueCost).as("the catalogue's own cost").isLessThan(8L * 1024 * 1024);
        assertThat(spread).as("live heap growth over the export").isLessThan(16L * 1024 * 1024);
        assertThat(truth.changedEntities()).isZero();
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
