package com.storefront.display.api.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductCursorTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 4_200_017, Long.MAX_VALUE})
    void aCursorDecodesToTheProductItWasMadeFrom(long productId) {
        String text = new ProductCursor(productId).encode();

        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(ProductCursor.decode(text)).contains(new ProductCursor(productId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a cursor", "%%%", "AQ", "AQAAAAAAAAAA", "AgAAAAAAAAAB", "AYAAAAAAAAAA",
            "AQAAAAAAAAABAA"})
    void anythingElseIsRefused(String text) {
        assertThat(ProductCursor.decode(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void aCursorPointsAfterAPositiveProductId(long productId) {
        assertThatThrownBy(() -> new ProductCursor(productId)).isInstanceOf(IllegalArgumentException.class);
    }
}
