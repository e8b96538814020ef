package com.storefront.display.simulator.truth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.source.ChangePage;
import com.storefront.display.core.source.SourceChange;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.source.SourcePage;
import com.storefront.display.core.source.SourceTombstone;
import com.storefront.display.core.source.SourceVersions;
import com.storefront.display.simulator.catalogue.Catalogue;
import com.storefront.display.simulator.catalogue.StateGenerator;

/**
 * The upstream domains' current data: the deterministic catalogue plus a revision for each entity that
 * changed since start. Reads are consistent per entity; changes are applied here before any event about
 * them is published, so this is always the truth the read model must converge to.
 */
public final class SourceOfTruth {

    private final Catalogue catalogue;
    private final StateGenerator states;
    private final VersionClock clock;
    private final long createdVersion;
    private final Map<Domain, Map<Long, Revision>> revisions = new EnumMap<>(Domain.class);
    /**
     * The version at which a product was last (re-)listed, for products created or re-created since
     * start. Their stock and price exist only once changed after it: the read model deletes a product's
     * whole row, stock and price included, so the old ones never come back with it.
     */
    private final Map<Long, Long> listedAt = new ConcurrentHashMap<>();
    private final Map<Domain, ChangeLog> changeLogs = new EnumMap<>(Domain.class);
    /** Changes take versions and enter the change logs one at a time, so {@link #applied} has no gaps below it. */
    private final Object changeLock = new Object();
    /** The version of the latest change: every change up to it is in the change logs. */
    private volatile long applied;

    public SourceOfTruth(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.states = new StateGenerator(catalogue.settings());
        this.createdVersion = SourceVersions.of(catalogue.settings().createdAt());
        this.clock = new VersionClock(catalogue.settings().createdAt());
        for (Domain domain : Domain.values()) {
            revisions.put(domain, new ConcurrentHashMap<>());
            changeLogs.put(domain, new ChangeLog());
        }
        this.applied = createdVersion;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** The version of every entity that has not changed since start: the oldest {@code changedSince} kept. */
    public long createdVersion() {
        return createdVersion;
    }

    /** The entity as its source API returns it; empty when deleted, not created yet, or outside the catalogue. */
    public Optional<SourceItem> find(Domain domain, long id) {
        if (!catalogue.contains(domain, id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(item(domain, id));
    }

    /**
     * A keyset page: existing entities with ids greater than {@code after}, ascending, at most {@code limit};
     * {@code next} is the last id returned when more may follow.
     */
    public SourcePage export(Domain domain, long after, int limit) {
        List<SourceItem> items = new ArrayList<>(Math.min(limit, 1024));
        long count = catalogue.idCount(domain);
        long first = catalogue.nextId(domain, after);
        long position = first < 0 ? count + 1 : catalogue.position(domain, first);
        for (; position <= count && items.size() < limit; position++) {
            SourceItem item = item(domain, catalogue.id(domain, position));
            if (item != null) {
                items.add(item);
            }
        }
        // the loop stops before the end of the id space only with a full page
        Long next = position <= count ? Long.valueOf(items.get(items.size() - 1).id()) : null;
        return new SourcePage(items, next);
    }

    /**
     * The incremental export: the entities that changed after version {@code since}, ordered by the
     * version of their latest change, at most {@code limit}; an entity that no longer exists is a
     * tombstone at the version it went. {@code next} is the version to continue from while more may
     * follow, null when the page ends at the latest change; every item's version is the version of its
     * latest change, so the highest one on a last page is where the next call starts. Only changes since
     * start are kept.
     *
     * @throws ChangesNotKeptException when {@code since} is before the catalogue's creation
     */
    public ChangePage changedSince(Domain domain, long since, int limit) {
        if (since < createdVersion) {
            throw new ChangesNotKeptException("changes before version " + createdVersion + " (the catalogue's creation, "
                    + SourceVersions.instant(createdVersion) + ") are not kept: changedSince " + since
                    + " is older; run a bulk load");
        }
        long upTo = applied;
        ChangeLog log = changeLogs.get(domain);
        List<long[]> entries = log.after(since, upTo, limit + 1);
        List<SourceChange> changes = new ArrayList<>(Math.min(entries.size(), limit));
        for (int i = 0; i < entries.size() && i < limit; i++) {
            long version = entries.get(i)[0];
            long id = entries.get(i)[1];
            SourceItem item = item(domain, id);
            // an entity that changed again while this page was read comes later, at its new version
            if (log.isLatest(id, version) && (item == null || item.version() == version)) {
                changes.add(item != null ? item : new SourceTombstone(domain, id, catalogue.shopOf(domain, id), version));
            }
        }
        Long next = entries.size() > limit ? Long.valueOf(entries.get(limit - 1)[0]) : null;
        return new ChangePage(changes, next);
    }

    /** The shop's existing entities of a domain, by id. */
    public List<SourceItem> listShop(Domain domain, long shopId) {
        if (!catalogue.contains(Domain.SHOP, shopId)) {
            return List.of();
        }
        long[] range = catalogue.idRange(domain, shopId);
        List<SourceItem> items = new ArrayList<>();
        for (long id = range[0]; id <= range[1]; id++) {
            SourceItem item = item(domain, id);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    /** Everything the sources hold for the shop now. */
    public ShopSnapshot snapshot(long shopId) {
        return new ShopSnapshot(shopId, find(Domain.SHOP, shopId).orElse(null), find(Domain.REVIEW, shopId).orElse(null),
                listShop(Domain.COUPON, shopId), listShop(Domain.PRODUCT, shopId), listShop(Domain.STOCK, shopId),
                listShop(Domain.PRICE, shopId), find(Domain.OPENING_HOURS, shopId).orElse(null));
    }

    /**
     * The snapshots of a range of shops, made lazily one shop at a time, so a test can compare a
     * catalogue of any size with the read model in constant memory.
     */
    public Stream<ShopSnapshot> snapshots(long fromShop, long toShop) {
        return catalogue.shopIds().filter(shop -> shop >= fromShop && shop <= toShop).mapToObj(this::snapshot);
    }

    /**
     * True when the entity exists now. Stock and price exist when their product does and, for a product
     * (re-)listed since start, once they changed after its listing.
     */
    public boolean exists(Domain domain, long id) {
        return exists(domain, id, revision(domain, id));
    }

    private boolean exists(Domain domain, long id, Revision own) {
        return switch (domain) {
            case STOCK, PRICE -> revision(Domain.PRODUCT, id).exists() && own.version() > listedAt.getOrDefault(id, Long.MIN_VALUE);
            case SHOP, PRODUCT, COUPON, REVIEW, OPENING_HOURS -> own.exists();
        };
    }

    /**
     * Changes the entity's data (creating it if it does not exist) and returns it after the change.
     *
     * @throws IllegalStateException for stock or price of a product that does not exist
     */
    public Change upsert(Domain domain, long id) {
        if ((domain == Domain.STOCK || domain == Domain.PRICE) && !exists(Domain.PRODUCT, id)) {
            throw new IllegalStateException(domain + " of product " + id + ", which does not exist");
        }
        Revision after = apply(domain, id, true);
        return new Change(domain, id, catalogue.shopOf(domain, id), after.version(), item(domain, id, after));
    }

    /**
     * Deletes the entity.
     *
     * @throws IllegalArgumentException for domains without deletes (stock, price, review); deleted opening
     *                                  hours are hours no longer known
     */
    public Change delete(Domain domain, long id) {
        if (domain == Domain.STOCK || domain == Domain.PRICE || domain == Domain.REVIEW) {
            throw new IllegalArgumentException(domain + " has no deletes");
        }
        Revision after = apply(domain, id, false);
        return new Change(domain, id, catalogue.shopOf(domain, id), after.version(), null);
    }

    /** How many entities have a stored revision: the simulator's memory grows with this, not with the catalogue. */
    public long changedEntities() {
        return revisions.values().stream().mapToLong(Map::size).sum();
    }

    private Revision apply(Domain domain, long id, boolean exists) {
        if (!catalogue.contains(domain, id)) {
            throw new IllegalArgumentException("no " + domain.sourcePath() + " id " + id);
        }
        synchronized (changeLock) {
            long version = clock.next();
            if (domain == Domain.PRODUCT && exists(Domain.PRODUCT, id) != exists) {
                // listed or delisted: its stock and price are gone either way, at this version
                if (exists) {
                    listedAt.put(id, version);
                }
                changeLogs.get(Domain.STOCK).record(id, version);
                changeLogs.get(Domain.PRICE).record(id, version);
            }
            Revision after = revisions.get(domain).compute(id, (key, old) ->
                    (old == null ? initial(domain, id) : old).next(version, exists));
            changeLogs.get(domain).record(id, version);
            applied = version;
            return after;
        }
    }


    private SourceItem item(Domain domain, long id) {
        Revision revision = revision(domain, id);
        return exists(domain, id, revision) ? item(domain, id, revision) : null;
    }

    private SourceItem item(Domain domain, long id, Revision revision) {
        return new SourceItem(domain, id, catalogue.shopOf(domain, id), revision.version(),
                states.state(domain, id, revision.changes()));
    }

    private Revision revision(Domain domain, long id) {
        Revision stored = revisions.get(domain).get(id);
        return stored != null ? stored : initial(domain, id);
    }

    private Revision initial(Domain domain, long id) {
        return new Revision(0, createdVersion, catalogue.initiallyExists(domain, id));
    }
}
