package com.storefront.display.api.product;

import java.util.List;

/**
 * One page of a shop's displayable products, ordered by product id.
 *
 * @param nextCursor where the next page starts; null on the last page
 */
public record ProductPage(List<ProductView> items, String nextCursor) {
}
