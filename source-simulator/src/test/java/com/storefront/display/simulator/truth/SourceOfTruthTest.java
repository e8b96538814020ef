package com.storefront.display.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.ChangePage;
import com.storefront.display.core.source.SourceChange;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.core.source.SourceTombstone;
import com.storefront.display.simulator.catalogue.Catalogue;
import com.storefront.display.simulator.catalogue.CatalogueSettings;

class SourceOfTruthTest {

    final SourceOfTruth truth = new SourceOfTruth(new Catalogue(CatalogueSettings.of(42, 300, 30_000)));

    @Test
    void aFullExportVisitsEveryProductOnceInIdOrder() {
        List<Long> ids = new ArrayList<>();
        exportAll(Domain.PRODUCT, 777, item -> ids.add(item.id()));

        assertThat(ids).hasSize(30_000).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anExportWhileEntitiesChangeMissesAndRepeatsNothingThatExistedThroughout() {
        Set<Long> existedThroughout = new HashSet<>();
        exportAll(Domain.PRODUCT, 10_000, item -> existedThroughout.add(item.id()));
        long maxId = truth.catalogue().maxId(Domain.PRODUCT);
        List<Long> seen = new ArrayList<>();
        exportAll(Domain.PRODUCT, 500, item -> {
            seen.add(item.id());
            if (seen.size() % 100 == 0) {
                // changes behind the cursor and ahead of it, creations and deletions
                existedThroughout.remove(truth.delete(Domain.PRODUCT, item.id() - 3).id());
                existedThroughout.remove(truth.delete(Domain.PRODUCT, Math.min(item.id() + 1_000, maxId)).id());
                truth.upsert(Domain.PRODUCT, Math.min(item.id() + 1, maxId));
            }
        });

        assertThat(seen).doesNotHaveDuplicates().isSorted();
        assertThat(new HashSet<>(seen)).containsAll(existedThroughout);
        assertThat(existedThroughout).hasSizeGreaterThan(29_000);
    }

    @Test
    void everyDomainExportsWhatItsShopsList() {
        for (Domain domain : Domain.values()) {
            List<SourceItem> exported = new ArrayList<>();
            exportAll(domain, 333, exported::add);
            List<SourceItem> listed = IntStream.rangeClosed(1, 300)
                    .mapToObj(shop -> truth.listShop(domain, shop)).flatMap(List::stream).toList();

            assertThat(exported).as(domain.sourcePath()).isEqualTo(listed).isNotEmpty();
        }
    }

    @Test
    void anExportOfIdsInFarApartBlocksVisitsEveryEntityTheShopsListInIdOrder() {
        SourceOfTruth clustered = new SourceOfTruth(new Catalogue(CatalogueSettings.of(42, 300, 30_000).withIdBlocks(3)));
        for (Domain domain : Domain.values()) {
            List<SourceItem> exported = new ArrayList<>();
            exportAll(clustered, domain, 997, exported::add);
            List<SourceItem> listed = clustered.catalogue().shopIds()
                    .mapToObj(shop -> clustered.listShop(domain, shop)).flatMap(List::stream).toList();

            assertThat(exported).as(domain.sourcePath()).isEqualTo(listed).isNotEmpty();
            assertThat(exported.get(exported.size() - 1).id()).isGreaterThan(2 * Catalogue.BLOCK_GAP);
        }
        assertThat(clustered.export(Domain.PRODUCT, clustered.catalogue().maxId(Domain.PRODUCT), 10).items()).isEmpty();
    }

    @Test
    void aChangeBumpsTheVersionAndChangesTheState() {
        SourceItem before = truth.find(Domain.STOCK, 1).orElseThrow();

        Change change = truth.upsert(Domain.STOCK, 1);

        assertThat(change.version()).isGreaterThan(before.version());
        assertThat(truth.find(Domain.STOCK, 1)).contains(change.item());
        assertThat(truth.upsert(Domain.STOCK, 1).version()).isGreaterThan(change.version());
    }

    @Test
    void aDeletedProductIsGoneWithItsStockAndPriceWhichComeBackOnlyWhenMadeAfterTheRelisting() {
        long product = truth.catalogue().idRange(Domain.PRODUCT, 1)[0];

        Change deleted = truth.delete(Domain.PRODUCT, product);

        assertThat(deleted.deleted()).isTrue();
        assertThat(truth.find(Domain.PRODUCT, product)).isEmpty();
        assertThat(truth.find(Domain.STOCK, product)).isEmpty();
        assertThat(truth.find(Domain.PRICE, product)).isEmpty();
        assertThatThrownBy(() -> truth.upsert(Domain.STOCK, product)).isInstanceOf(IllegalStateException.class);
        Change recreated = truth.upsert(Domain.PRODUCT, product);
        assertThat(recreated.version()).isGreaterThan(deleted.version());
        // the read model lost the old stock and price with the product's row: so does the truth
        assertThat(truth.find(Domain.STOCK, product)).isEmpty();
        assertThat(truth.find(Domain.PRICE, product)).isEmpty();
        assertThat(truth.snapshot(recreated.shopId()).prices()).noneMatch(price -> price.id() == product);

        Change stock = truth.upsert(Domain.STOCK, product);

        assertThat(stock.version()).isGreaterThan(recreated.version());
        assertThat(truth.find(Domain.STOCK, product)).contains(stock.item());
        assertThat(truth.find(Domain.PRICE, product)).as("price not made yet").isEmpty();
        Change price = truth.upsert(Domain.PRICE, product);
        assertThat(truth.find(Domain.PRICE, product)).contains(price.item());
    }

    @Test
    void anUpdatedProductKeepsItsStockAndPrice() {
        long product = truth.catalogue().idRange(Domain.PRODUCT, 1)[0];
        SourceItem stock = truth.find(Domain.STOCK, product).orElseThrow();

        truth.upsert(Domain.PRODUCT, product);

        assertThat(truth.find(Domain.STOCK, product)).contains(stock);
        assertThat(truth.find(Domain.PRICE, product)).isPresent();
    }

    @Test
    void onlyChangedEntitiesCostMemory() {
        assertThat(truth.changedEntities()).isZero();

        truth.upsert(Domain.STOCK, 1);
        truth.upsert(Domain.STOCK, 1);
        truth.upsert(Domain.SHOP, 2);

        assertThat(truth.changedEntities()).isEqualTo(2);
    }

    @Test
    void theSnapshotsOfAllShopsHoldTheWholeCatalogue() {
        truth.delete(Domain.SHOP, 7);

        List<ShopSnapshot> snapshots = truth.snapshots(1, 10_000).toList();

        assertThat(snapshots).hasSize(300);
        assertThat(snapshots.stream().mapToLong(s -> s.products().size()).sum()).isEqualTo(30_000);
        assertThat(snapshots.stream().mapToLong(s -> s.stock().size()).sum()).isEqualTo(30_000);
        assertThat(snapshots.get(6).shop()).isNull();
        assertThat(snapshots.get(7).shop().id()).isEqualTo(8);
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThat(truth.find(Domain.SHOP, 0)).isEmpty();
        assertThat(truth.find(Domain.SHOP, 301)).isEmpty();
        assertThat(truth.listShop(Domain.PRODUCT, 301)).isEmpty();
    }

    @Test
    void anIncrementalExportListsEachChangedEntityOnceAtItsLatestVersionWithDeletesAsTombstones() {
        long since = truth.createdVersion();
        for (long shop = 1; shop <= 40; shop++) {
            truth.upsert(Domain.OPENING_HOURS, shop);
        }
        for (long shop = 1; shop <= 10; shop++) {
            truth.delete(Domain.OPENING_HOURS, shop);
        }
        truth.upsert(Domain.OPENING_HOURS, 5);
        truth.upsert(Domain.OPENING_HOURS, 20);

        List<SourceChange> changes = new ArrayList<>();
        long mark = follow(truth, Domain.OPENING_HOURS, since, 7, changes::add);

        assertThat(changes).extracting(SourceChange::id).hasSize(40).doesNotHaveDuplicates();
        assertThat(changes).extracting(SourceChange::version).isSorted();
        assertThat(changes).filteredOn(SourceTombstone.class::isInstance).extracting(SourceChange::id)
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L);
        assertThat(changes).filteredOn(SourceItem.class::isInstance)
                .allSatisfy(item -> assertThat(truth.find(Domain.OPENING_HOURS, item.id())).contains((SourceItem) item));
        assertThat(changes.get(changes.size() - 1).id()).isEqualTo(20);
        assertThat(mark).isEqualTo(changes.get(changes.size() - 1).version());
        assertThat(truth.changedSince(Domain.OPENING_HOURS, mark, 7)).isEqualTo(new ChangePage(List.of(), null));
        assertThat(truth.changedSince(Domain.SHOP, since, 7).items()).isEmpty();
    }

    @Test
    void aProductDelistedOrRelistedIsATombstoneOfItsStockAndPriceUntilTheyChange() {
        long product = truth.catalogue().idRange(Domain.PRODUCT, 1)[0];
        long since = truth.createdVersion();
        truth.upsert(Domain.STOCK, product);

        Change delisted = truth.delete(Domain.PRODUCT, product);

        assertThat(truth.changedSince(Domain.STOCK, since, 10).items())
                .containsExactly(new SourceTombstone(Domain.STOCK, product, 1, delisted.version()));
        assertThat(truth.changedSince(Domain.PRICE, since, 10).items())
                .containsExactly(new SourceTombstone(Domain.PRICE, product, 1, delisted.version()));
        Change relisted = truth.upsert(Domain.PRODUCT, product);
        assertThat(truth.changedSince(Domain.STOCK, delisted.version(), 10).items())
                .containsExactly(new SourceTombstone(Domain.STOCK, product, 1, relisted.version()));
        Change stock = truth.upsert(Domain.STOCK, product);
        assertThat(truth.changedSince(Domain.STOCK, since, 10).items()).containsExactly(stock.item());
        assertThat(truth.changedSince(Domain.PRODUCT, since, 10).items()).containsExactly(relisted.item());
    }

    @Test
    void followingTheIncrementalExportWhileEntitiesChangeEndsAtTheTruth() {
        SplittableRandom random = new SplittableRandom(7);
        long maxId = truth.catalogue().maxId(Domain.PRODUCT);
        Map<Long, SourceChange> replica = new HashMap<>();
        Consumer<SourceChange> apply = change -> replica.merge(change.id(), change,
                (held, incoming) -> incoming.version() >= held.version() ? incoming : held);
        long mark = truth.createdVersion();
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 40; i++) {
                long id = random.nextLong(1, maxId + 1);
                if (random.nextInt(4) == 0) {
                    truth.delete(Domain.PRODUCT, id);
                } else {
                    truth.upsert(Domain.PRODUCT, id);
                }
            }
            mark = follow(truth, Domain.PRODUCT, mark, 1 + random.nextInt(30), apply);
        }

        assertThat(replica).isNotEmpty().allSatisfy((id, change) -> {
            assertThat(truth.find(Domain.PRODUCT, id)).isEqualTo(change instanceof SourceItem item ? Optional.of(item) : Optional.empty());
        });
        assertThat((long) replica.size()).isEqualTo(truth.changedEntities());
    }

    @Test
    void changesFromBeforeTheCataloguesCreationAreNotKept() {
        assertThatThrownBy(() -> truth.changedSince(Domain.OPENING_HOURS, truth.createdVersion() - 1, 10))
                .isInstanceOf(ChangesNotKeptException.class).hasMessageContaining("run a bulk load");
    }

    /** Reads the incremental export from {@code since} to its end, as a follower would; returns the new mark. */
    private static long follow(SourceOfTruth source, Domain domain, long since, int limit, Consumer<SourceChange> each) {
        long mark = since;
        for (int pages = 0; pages < 1_000_000; pages++) {
            ChangePage page = source.changedSince(domain, mark, limit);
            page.items().forEach(each);
            if (page.next() == null) {
                return page.lastVersion(mark);
            }
            mark = page.next();
        }
        throw new AssertionError("the incremental export did not end");
    }

    private void exportAll(Domain domain, int limit, Consumer<SourceItem> each) {
        exportAll(truth, domain, limit, each);
    }

    private static void exportAll(SourceOfTruth source, Domain domain, int limit, Consumer<SourceItem> each) {
        long after = 0;
        for (int pages = 0; pages < 1_000_000; pages++) {
            SourcePage page = source.export(domain, after, limit);
            page.items().forEach(each);
            if (page.next() == null) {
                return;
            }
            after = page.next();
        }
        throw new AssertionError("export did not end");
    }
}
