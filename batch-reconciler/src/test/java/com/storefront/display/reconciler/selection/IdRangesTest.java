package com.storefront.display.reconciler.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdRangesTest {

    @Test
    void rangesCoverEveryIdOnceInEqualParts() {
        assertThat(IdRanges.split(10, 3)).containsExactly(new IdRanges.Range(0, 3), new IdRanges.Range(3, 6),
                new IdRanges.Range(6, 10));
    }

    @Test
    void fewerIdsThanPartsGiveOneRangePerId() {
        assertThat(IdRanges.split(2, 4)).containsExactly(new IdRanges.Range(0, 1), new IdRanges.Range(1, 2));
        assertThat(IdRanges.split(0, 4)).isEqualTo(List.of());
    }
}
