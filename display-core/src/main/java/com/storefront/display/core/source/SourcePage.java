package com.storefront.display.core.source;

import java.util.ArrayList;
import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One page of a keyset export, {@code {"items": [...], "next": id-or-null}}: pass {@code next} as
 * {@code after} to get the following page; null means the export is complete.
 */
public record SourcePage(List<SourceItem> items, Long next) {

    public SourcePage {
        items = List.copyOf(items);
    }

    /**
     * Reads a page of a known domain.
     *
     * @throws IllegalArgumentException when the body is not a page of valid items
     */
    public static SourcePage fromJson(Domain domain, byte[] body) {
        JsonNode root;
        try {
            root = DomainJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("unreadable " + domain.sourcePath() + " page: " + e.getOriginalMessage(), e);
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException(domain.sourcePath() + " page lacks an 'items' array");
        }
        List<SourceItem> read = new ArrayList<>(items.size());
        items.forEach(item -> read.add(SourceItem.fromJson(domain, item)));
        JsonNode next = root.get("next");
        return new SourcePage(read, next == null || next.isNull() ? null : next.longValue());
    }
}
