package com.storefront.display.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.event.DomainEvent;
import com.storefront.display.core.event.EventType;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.core.write.ColumnValue;
import com.storefront.display.core.write.DisplayTable;
import com.storefront.display.core.write.DisplayWrite;
import com.storefront.display.core.write.RowKey;

class ProjectionsTest {

    static final long VERSION = 1_795_515_330_123_456L;

    @ParameterizedTest
    @EnumSource(Domain.class)
    void everyDomainHasOneProjectionThatSetsExactlyTheColumnsItOwns(Domain domain) {
        Projection projection = Projections.of(domain);
        SourceItem item = new SourceItem(domain, 42, 42, VERSION, Samples.state(domain));

        DisplayWrite.Upsert write = (DisplayWrite.Upsert) projection.upsert(item);

        assertThat(projection.domain()).isEqualTo(domain);
        assertThat(write.columns()).extracting(ColumnValue::column).containsExactlyElementsOf(projection.columns());
        assertThat(write.columns()).extracting(ColumnValue::value).doesNotContainNull();
        assertThat(write.timestamp()).isEqualTo(VERSION);
    }

    @Test
    void domainsSharingATableOwnDisjointColumns() {
        List<String> shopTable = new ArrayList<>();
        List<String> productTable = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            Projection projection = Projections.of(domain);
            RowKey key = projection.upsert(new SourceItem(domain, 42, 42, VERSION, Samples.state(domain))).key();
            (key.table() == DisplayTable.SHOP ? shopTable : productTable).addAll(projection.columns());
        }

        assertThat(shopTable).doesNotHaveDuplicates().hasSize(15);
        assertThat(productTable).doesNotHaveDuplicates().hasSize(8);
    }

    @Test
    void aStateCarryingEventIsProjectedLikeTheSourceItem() {
        DomainEvent event = new DomainEvent(UUID.randomUUID(), EventType.STOCK_CHANGED, 1, Instant.now(), 7, 700, VERSION,
                new StockState(3));

        DisplayWrite write = Projections.of(Domain.STOCK).apply(event);

        assertThat(write).isEqualTo(new DisplayWrite.Upsert(RowKey.product(7, 700),
                List.of(ColumnValue.of("stock_quantity", 3)), VERSION));
    }

    @Test
    void aDeletedShopLosesOnlyItsOwnColumns() {
        DomainEvent deleted = new DomainEvent(UUID.randomUUID(), EventType.SHOP_DELETED, 1, Instant.now(), 7, 7, VERSION, null);

        DisplayWrite write = Projections.of(Domain.SHOP).apply(deleted);

        assertThat(write).isEqualTo(new DisplayWrite.DeleteColumns(RowKey.shop(7), Projections.of(Domain.SHOP).columns(), VERSION));
    }

    @Test
    void aDeletedProductTakesItsRowWithIt() {
        DomainEvent deleted = new DomainEvent(UUID.randomUUID(), EventType.PRODUCT_DELETED, 1, Instant.now(), 7, 700, VERSION, null);

        assertThat(Projections.of(Domain.PRODUCT).apply(deleted)).isEqualTo(new DisplayWrite.Delete(RowKey.product(7, 700), VERSION));
    }

    @Test
    void aThinEventCannotBeProjectedWithoutTheSource() {
        DomainEvent thin = new DomainEvent(UUID.randomUUID(), EventType.PRODUCT_CHANGED, 1, Instant.now(), 7, 700, VERSION, null);

        assertThatThrownBy(() -> Projections.of(Domain.PRODUCT).apply(thin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetch the entity from the source");
    }

    @Test
    void anEventOfAnotherDomainIsRefused() {
        DomainEvent shop = new DomainEvent(UUID.randomUUID(), EventType.SHOP_UPSERTED, 1, Instant.now(), 7, 7, VERSION,
                new ShopState(1, "n", "c", ShopState.ShopStatus.OPEN, 0, 0));

        assertThatThrownBy(() -> Projections.of(Domain.PRODUCT).apply(shop)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Samples.state(Domain.PRODUCT)).isInstanceOf(ProductState.class);
    }
}
