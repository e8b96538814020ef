package com.storefront.display.reconciler.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShopSelectionTest {

    @Test
    void nothingOrAllMeansEveryShop() {
        assertThat(ShopSelection.parse(null)).isEqualTo(new ShopSelection.All());
        assertThat(ShopSelection.parse(" ALL ")).isEqualTo(new ShopSelection.All());
    }

    @Test
    void idsAreSortedAndDeduplicated() {
        assertThat(ShopSelection.parse("17, 3,17,42")).isEqualTo(new ShopSelection.Ids(List.of(3L, 17L, 42L)));
    }

    @Test
    void aRangeIsInclusive() {
        assertThat(ShopSelection.parse("100-199")).isEqualTo(new ShopSelection.Range(100, 199));
        assertThat(ShopSelection.parse("5-5")).isEqualTo(new ShopSelection.Range(5, 5));
    }

    @Test
    void badSelectionsAreRefusedSayingWhy() {
        assertThatIllegalArgumentException().isThrownBy(() -> ShopSelection.parse("200-100")).withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> ShopSelection.parse("0,1")).withMessageContaining("positive");
        assertThatIllegalArgumentException().isThrownBy(() -> ShopSelection.parse("a,b")).withMessageContaining("'a'");
        assertThatIllegalArgumentException().isThrownBy(() -> ShopSelection.parse("1,,2")).withMessageContaining("shops must be");
    }
}
