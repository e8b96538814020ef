package com.storefront.display.core.projection.hours;

import static com.storefront.display.core.write.ColumnValue.of;

import java.util.List;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.OpeningHoursState;
import com.storefront.display.core.projection.Projection;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

/**
 * Opening-hours domain: one static column of the shop partition holding the state as canonical JSON
 * ({@code {"weekly": .., "timeZone": .., "closedDates": ..}}, weekdays Monday first, intervals by opening
 * time, dates ascending), so that equal states are equal text and one cell carries one version.
 */
public final class OpeningHoursProjection implements Projection {

    public static final String COLUMN = "opening_hours";

    @Override
    public Domain domain() {
        return Domain.OPENING_HOURS;
    }

    @Override
    public List<String> columns() {
        return List.of(COLUMN);
    }

    @Override
    public RowKey key(long shopId, long entityId) {
        return RowKey.shop(shopId);
    }

    @Override
    public DisplayWrite upsert(SourceItem item) {
        OpeningHoursState hours = (OpeningHoursState) item.state();
        return new DisplayWrite.Upsert(RowKey.shop(item.shopId()), List.of(of(COLUMN, json(hours))), item.version());
    }

    @Override
    public DisplayWrite delete(long shopId, long entityId, long version) {
        return new DisplayWrite.DeleteColumns(RowKey.shop(shopId), List.of(COLUMN), version);
    }

    /** The column's text for a state. */
    public static String json(OpeningHoursState hours) {
        return DomainJson.MAPPER.writeValueAsString(hours);
    }

    /** The state a column's text holds. */
    public static OpeningHoursState parse(String json) {
        return DomainJson.MAPPER.readValue(json, OpeningHoursState.class);
    }
}
