package com.storefront.display.simulator;

import com.storefront.display.core.domain.DomainJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partial updates of settings records from JSON: the fields present replace the current ones, nested
 * objects merge field by field ({@code {"events": {"dropPercent": 2}}} leaves every other knob as it is).
 */
public final class SettingsPatch {

    private SettingsPatch() {
    }

    /**
     * @return a new settings value with the patch applied, validated by the record's constructor
     * @throws IllegalArgumentException naming the field when it is unknown or its value invalid
     */
    public static <T> T apply(T current, JsonNode patch, Class<T> type) {
        ObjectNode merged = DomainJson.MAPPER.valueToTree(current);
        merge(merged, patch, "");
        try {
            return DomainJson.MAPPER.treeToValue(merged, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid settings: " + rootMessage(e), e);
        }
    }

    private static void merge(ObjectNode target, JsonNode patch, String path) {
        if (!patch.isObject()) {
            throw new IllegalArgumentException("'" + (path.isEmpty() ? "the body" : path) + "' must be a JSON object");
        }
        for (String field : patch.propertyNames()) {
            JsonNode current = target.get(field);
            JsonNode value = patch.get(field);
            if (current == null) {
                throw new IllegalArgumentException("unknown setting '" + path + field + "'");
            }
            if (current.isObject()) {
                merge((ObjectNode) current, value, path + field + ".");
            } else {
                target.set(field, value);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage();
    }
}
