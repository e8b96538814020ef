package com.storefront.display.api.product;

import java.util.List;

import org.springframework.stereotype.Component;

import com.storefront.display.api.cassandra.ReadModelQueries;
import com.storefront.display.core.model.ShopProduct;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a shop's products from its single {@code shop_product} partition. */
@Component
public class ProductReads {

    public static final String PAGE = "SELECT " + ShopProduct.COLUMNS + " FROM shop_product WHERE shop_id = ? AND product_id > ?";
    static final String ONE = "SELECT " + ShopProduct.COLUMNS + " FROM shop_product WHERE shop_id = ? AND product_id = ?";

    private final ReadModelQueries queries;

    public ProductReads(ReadModelQueries queries) {
        this.queries = queries;
    }

    /**
     * Up to {@code size} displayable products after the cursor, in product-id order. Rows that are not
     * displayable (hidden, orphaned) are skipped; Cassandra pages of {@link #fetchSize(int)} rows are
     * fetched only until the page is full and one more displayable product shows whether a next page exists.
     */
    public Mono<ProductPage> page(long shopId, ProductCursor after, int size) {
        long afterId = after == null ? Long.MIN_VALUE : after.afterProductId();
        return displayable(queries.query(PAGE, fetchSize(size), row -> ShopProduct.from(row), shopId, afterId))
                .take(size + 1L, true)
                .collectList()
                .map(products -> page(products, size));
    }

    /**
     * Rows read per round trip for a page of {@code size}: one more than the page (to know whether a next
     * page exists) and some slack, so that a few hidden products do not cost a second round trip.
     */
    public static int fetchSize(int size) {
        return size + 1 + Math.max(4, size / 4);
    }

    /** The product when it is displayable; empty when unknown, deleted, hidden or orphaned. */
    public Mono<ProductView> find(long shopId, long productId) {
        return displayable(queries.query(ONE, 1, row -> ShopProduct.from(row), shopId, productId)).next();
    }

    private static Flux<ProductView> displayable(Flux<ShopProduct> rows) {
        return rows.filter(ShopProduct::displayable).map(ProductView::of);
    }

    private static ProductPage page(List<ProductView> products, int size) {
        if (products.size() <= size) {
            return new ProductPage(products, null);
        }
        List<ProductView> items = products.subList(0, size);
        return new ProductPage(List.copyOf(items), new ProductCursor(items.get(size - 1).productId()).encode());
    }
}
