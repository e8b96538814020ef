package com.storefront.display.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.storefront.display.core.domain.Domain;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.domain.StockState;

class SourceItemTest {

    @Test
    void aProductDomainItemIsFlatWithItsIdsAndVersionFirst() {
        SourceItem item = new SourceItem(Domain.STOCK, 4200017, 42, 1795515330123456L, new StockState(31));

        assertThat(DomainJson.MAPPER.writeValueAsString(item))
                .isEqualTo("{\"productId\":4200017,\"shopId\":42,\"version\":1795515330123456,\"quantity\":31}");
    }

    @Test
    void aShopKeyedItemNamesTheShopOnce() {
        SourceItem item = new SourceItem(Domain.REVIEW, 42, 42, 5, new ReviewSummaryState(4.6, 123));

        assertThat(DomainJson.MAPPER.writeValueAsString(item))
                .isEqualTo("{\"shopId\":42,\"version\":5,\"ratingAvg\":4.6,\"reviewCount\":123}");
    }

    @Test
    void aPageSurvivesARoundTrip() {
        SourcePage page = new SourcePage(List.of(new SourceItem(Domain.STOCK, 7, 1, 10, new StockState(0)),
                new SourceItem(Domain.STOCK, 9, 1, 11, new StockState(4))), 9L);

        byte[] json = DomainJson.MAPPER.writeValueAsBytes(page);

        assertThat(SourcePage.fromJson(Domain.STOCK, json)).isEqualTo(page);
    }

    @Test
    void theLastPageHasANullNext() {
        byte[] json = "{\"items\": [], \"next\": null}".getBytes(StandardCharsets.UTF_8);

        assertThat(SourcePage.fromJson(Domain.PRICE, json)).isEqualTo(new SourcePage(List.of(), null));
    }

    @Test
    void anItemWithoutItsIdOrAFieldIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> SourcePage.fromJson(Domain.STOCK,
                "{\"items\": [{\"shopId\": 1, \"version\": 3, \"quantity\": 1}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("source item lacks an integer 'productId'");
        assertThatThrownBy(() -> SourcePage.fromJson(Domain.STOCK,
                "{\"items\": [{\"productId\": 2, \"shopId\": 1, \"version\": 3}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unreadable stock item 2");
    }

    @Test
    void anItemOfTheWrongDomainCannotBeBuilt() {
        assertThatThrownBy(() -> new SourceItem(Domain.PRICE, 1, 1, 1, new StockState(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a PRICE item needs a PriceState");
    }
}
