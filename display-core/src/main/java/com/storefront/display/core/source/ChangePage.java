package com.storefront.display.core.source;

import java.util.ArrayList;
import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One page of an incremental export, {@code {"items": [...], "next": version-or-null}}: the changes after
 * a version, ordered by version, deletes as tombstones. Pass {@code next} as {@code changedSince} to get
 * the following page; null means the page holds every change the source has applied so far.
 */
public record ChangePage(List<SourceChange> items, Long next) {

    public ChangePage {
        items = List.copyOf(items);
    }

    /** The highest version on the page; {@code since} when it is empty. */
    public long lastVersion(long since) {
        long last = since;
        for (SourceChange change : items) {
            last = Math.max(last, change.version());
        }
        return last;
    }

    /**
     * Reads a page of a known domain.
     *
     * @throws IllegalArgumentException when the body is not a page of valid changes
     */
    public static ChangePage fromJson(Domain domain, byte[] body) {
        JsonNode root;
        try {
            root = DomainJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable " + domain.sourcePath() + " change page: " + e.getOriginalMessage(), e);
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException(domain.sourcePath() + " change page lacks an 'items' array");
        }
        List<SourceChange> read = new ArrayList<>(items.size());
        items.forEach(item -> read.add(change(domain, item)));
        JsonNode next = root.get("next");
        return new ChangePage(read, next == null || next.isNull() ? null : next.longValue());
    }

    private static SourceChange change(Domain domain, JsonNode node) {
        JsonNode deleted = node.get("deleted");
        if (deleted == null || !deleted.asBoolean()) {
            return SourceItem.fromJson(domain, node);
        }
        long id = SourceItem.requiredLong(node, "id");
        long shopId = domain.keyedByShop() && !node.has("shopId") ? id : SourceItem.requiredLong(node, "shopId");
        return new SourceTombstone(domain, id, shopId, SourceItem.requiredLong(node, "version"));
    }
}
