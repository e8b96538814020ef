package com.storefront.display.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.StockState;

class ChangePageTest {

    @Test
    void itemsAndTombstonesSurviveARoundTripInVersionOrder() {
        ChangePage page = new ChangePage(List.of(new SourceItem(Domain.STOCK, 7, 1, 10, new StockState(3)),
                new SourceTombstone(Domain.STOCK, 9, 1, 11)), null);

        byte[] json = DomainJson.MAPPER.writeValueAsBytes(page);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("{\"id\":9,\"shopId\":1,\"deleted\":true,\"version\":11}")
                .endsWith("\"next\":null}");
        assertThat(ChangePage.fromJson(Domain.STOCK, json)).isEqualTo(page);
        assertThat(page.lastVersion(5)).isEqualTo(11);
        assertThat(new ChangePage(List.of(), null).lastVersion(5)).isEqualTo(5);
    }

    @Test
    void aShopKeyedTombstoneMayLeaveOutTheShopAndABrokenOneIsRefused() {
        ChangePage page = ChangePage.fromJson(Domain.OPENING_HOURS,
                "{\"items\":[{\"id\":4,\"deleted\":true,\"version\":20}],\"next\":20}".getBytes(StandardCharsets.UTF_8));

        assertThat(page.items()).containsExactly(new SourceTombstone(Domain.OPENING_HOURS, 4, 4, 20));
        assertThat(page.next()).isEqualTo(20L);
        assertThatThrownBy(() -> ChangePage.fromJson(Domain.PRODUCT,
                "{\"items\":[{\"id\":4,\"deleted\":true,\"version\":20}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'shopId'");
        assertThatThrownBy(() -> ChangePage.fromJson(Domain.PRODUCT, "{\"next\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks an 'items' array");
    }
}
