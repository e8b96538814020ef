package com.storefront.display.simulator.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;

class CatalogueTest {

    static final CatalogueSettings DEMO = CatalogueSettings.of(42, 2_000, 200_000);

    @Test
    void theShopsHoldExactlyTheConfiguredProducts() {
        Catalogue catalogue = new Catalogue(DEMO);

        long total = IntStream.rangeClosed(1, 2_000).mapToLong(catalogue::initialProducts).sum();

        assertThat(total).isEqualTo(200_000);
    }

    @Test
    void mostShopsHoldTensOfProductsAndAFewTensOfThousands() {
        Catalogue catalogue = new Catalogue(CatalogueSettings.of(42, 20_000, 2_000_000));
        int[] sizes = IntStream.rangeClosed(1, 20_000).map(catalogue::initialProducts).sorted().toArray();

        int median = sizes[sizes.length / 2];
        long overTenThousand = Arrays.stream(sizes).filter(s -> s >= 10_000).count();

        assertThat(median).isBetween(10, 99);
        assertThat(overTenThousand).isBetween(1L, 40L);
        assertThat(sizes[sizes.length - 1]).isLessThanOrEqualTo(50_001);
    }

    @Test
    void theLargestShopIsCappedAndTheTotalStillHolds() {
        CatalogueSettings capped = new CatalogueSettings(7, 1_000, 200_000, 0.8, 5_000, 0.1, null, 1);
        Catalogue catalogue = new Catalogue(capped);
        int[] sizes = IntStream.rangeClosed(1, 1_000).map(catalogue::initialProducts).toArray();

        assertThat(Arrays.stream(sizes).max().orElseThrow()).isLessThanOrEqualTo(5_001);
        assertThat(Arrays.stream(sizes).asLongStream().sum()).isEqualTo(200_000);
    }

    @Test
    void productIdsAreContiguousPerShopWithSpareIdsAfterTheInitialOnes() {
        Catalogue catalogue = new Catalogue(DEMO);

        for (long shop = 1; shop <= 2_000; shop++) {
            long[] range = catalogue.idRange(Domain.PRODUCT, shop);
            int initial = catalogue.initialProducts(shop);
            assertThat(range[1] - range[0] + 1).isGreaterThan(initial);
            assertThat(catalogue.shopOf(Domain.PRODUCT, range[0])).isEqualTo(shop);
            assertThat(catalogue.shopOf(Domain.PRODUCT, range[1])).isEqualTo(shop);
            assertThat(catalogue.initiallyExists(Domain.PRODUCT, range[0] + initial - 1)).isEqualTo(initial > 0);
            assertThat(catalogue.initiallyExists(Domain.PRODUCT, range[0] + initial)).isFalse();
        }
    }

    @Test
    void sameSeedSameCatalogueOtherSeedAnother() {
        Catalogue one = new Catalogue(DEMO);
        Catalogue two = new Catalogue(CatalogueSettings.of(42, 2_000, 200_000));
        Catalogue other = new Catalogue(CatalogueSettings.of(43, 2_000, 200_000));

        int[] sizesOne = IntStream.rangeClosed(1, 2_000).map(one::initialProducts).toArray();
        assertThat(IntStream.rangeClosed(1, 2_000).map(two::initialProducts).toArray()).isEqualTo(sizesOne);
        assertThat(IntStream.rangeClosed(1, 2_000).map(other::initialProducts).toArray()).isNotEqualTo(sizesOne);
    }

    @Test
    void aCatalogueThatCannotHoldItsProductsIsRefused() {
        assertThatThrownBy(() -> new CatalogueSettings(1, 10, 1_000, 1.1, 50, 0.1, null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("10 shops of at most 50 products cannot hold 1000 products");
    }

    @Test
    void statesAreAFunctionOfSeedIdAndChangeCount() {
        StateGenerator one = new StateGenerator(DEMO);
        StateGenerator two = new StateGenerator(CatalogueSettings.of(42, 10, 10));

        for (Domain domain : Domain.values()) {
            assertThat(one.state(domain, 5, 3)).isEqualTo(two.state(domain, 5, 3));
            assertThat(IntStream.range(0, 5).mapToObj(change -> one.state(domain, 5, change)).distinct().count())
                    .as(domain + " changes change the state").isGreaterThan(1);
        }
    }

    @Test
    void idBlocksSpreadTheSameCatalogueOverThreeFarApartBlocksOfIds() {
        Catalogue dense = new Catalogue(DEMO);
        Catalogue clustered = new Catalogue(DEMO.withIdBlocks(3));

        long[] shops = clustered.shopIds().toArray();
        assertThat(shops).hasSize(2_000).isSorted();
        assertThat(Arrays.stream(shops).map(shop -> (shop - 1) / Catalogue.BLOCK_GAP).distinct().count()).isEqualTo(3);
        assertThat(clustered.maxId(Domain.PRODUCT)).isGreaterThan(2 * Catalogue.BLOCK_GAP);
        for (int i = 0; i < shops.length; i++) {
            long shop = shops[i];
            assertThat(clustered.initialProducts(shop)).isEqualTo(dense.initialProducts(i + 1));
            for (Domain domain : Domain.values()) {
                long[] range = clustered.idRange(domain, shop);
                long[] denseRange = dense.idRange(domain, i + 1);
                assertThat(range[1] - range[0]).isEqualTo(denseRange[1] - denseRange[0]);
                assertThat(clustered.shopOf(domain, range[0])).isEqualTo(shop);
                assertThat(clustered.shopOf(domain, range[1])).isEqualTo(shop);
                assertThat(clustered.initiallyExists(domain, range[1])).isEqualTo(dense.initiallyExists(domain, denseRange[1]));
                assertThat(clustered.nextId(domain, range[1])).isEqualTo(i + 1 < shops.length ? clustered.idRange(domain, shops[i + 1])[0] : -1);
            }
        }
        long firstOfSecondBlock = shops[(int) clustered.shopIds().filter(shop -> shop < Catalogue.BLOCK_GAP).count()];
        assertThat(clustered.contains(Domain.SHOP, firstOfSecondBlock - 1)).isFalse();
        assertThat(clustered.contains(Domain.SHOP, Catalogue.BLOCK_GAP + 1)).isFalse();
        assertThat(clustered.contains(Domain.SHOP, 3 * Catalogue.BLOCK_GAP + 1)).isFalse();
        assertThatThrownBy(() -> clustered.initialProducts(Catalogue.BLOCK_GAP + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEMO.withIdBlocks(2_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idBlocks must be 1..1000");
    }
}
