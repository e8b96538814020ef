package com.storefront.display.scenario;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.storefront.display.core.domain.CouponState;
import com.storefront.display.core.domain.DomainJson;
import com.storefront.display.core.domain.OpeningHoursState;
import com.storefront.display.core.domain.PriceState;
import com.storefront.display.core.domain.ProductState;
import com.storefront.display.core.domain.ReviewSummaryState;
import com.storefront.display.core.domain.ShopState;
import com.storefront.display.core.domain.StockState;
import com.storefront.display.core.source.SourceItem;
import com.storefront.display.simulator.truth.ShopSnapshot;

import tools.jackson.databind.JsonNode;

/**
 * The display API against the truth for sampled shops, as docs/contracts.md defines the responses from the
 * source's data: the shop (404 when deleted), its ACTIVE coupons valid now, and every displayable product
 * (paged through to the end) with its effective price, stock and soldOut.
 */
final class StoreFrontCheck {

    /** Shops and products compared, and every difference found. */
    record Result(int shops, long products, long fields, List<String> differences) {
    }

    private static final int PAGE_SIZE = 100;

    private final Http http;
    private final String baseUrl;
    private final List<String> differences = new ArrayList<>();
    private long products;
    private long fields;

    private StoreFrontCheck(Http http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    static Result check(Http http, String baseUrl, List<ShopSnapshot> shops) {
        StoreFrontCheck check = new StoreFrontCheck(http, baseUrl);
        for (ShopSnapshot shop : shops) {
            check.shop(shop);
        }
        return new Result(shops.size(), check.products, check.fields, List.copyOf(check.differences));
    }

    private void shop(ShopSnapshot truth) {
        String path = "/api/shops/" + truth.shopId();
        Instant asked = Instant.now();
        Http.Answer answer = http.get(baseUrl + path);
        Instant answered = Instant.now();
        if (truth.shop() == null) {
            same(path + " status", 404, answer.status());
            same(path + "/products status", 404, http.get(baseUrl + path + "/products").status());
            return;
        }
        if (!same(path + " status", 200, answer.status())) {
            return;
        }
        JsonNode shop = answer.json();
        ShopState state = (ShopState) truth.shop().state();
        same(path + " shopId", truth.shopId(), shop.get("shopId"));
        same(path + " name", state.name(), shop.get("name"));
        same(path + " category", state.category(), shop.get("category"));
        same(path + " status", state.status().name(), shop.get("status"));
        same(path + " deliveryFee", state.deliveryFee(), shop.get("deliveryFee"));
        same(path + " minOrderAmount", state.minOrderAmount(), shop.get("minOrderAmount"));
        JsonNode rating = shop.get("rating");
        if (truth.review() == null) {
            same(path + " rating", null, rating);
        } else {
            ReviewSummaryState review = (ReviewSummaryState) truth.review().state();
            same(path + " rating.average", review.ratingAvg(), rating == null ? null : rating.get("average"));
            same(path + " rating.count", review.reviewCount(), rating == null ? null : rating.get("count"));
        }
        openingHours(truth, path, shop, asked, answered);
        Instant now = Instant.now();
        List<SourceItem> active = truth.coupons().stream().filter(c -> ((CouponState) c.state()).activeAt(now))
                .sorted(Comparator.comparingLong(SourceItem::id)).toList();
        JsonNode coupons = shop.get("coupons");
        if (same(path + " coupons", active.size(), coupons.size())) {
            for (int i = 0; i < active.size(); i++) {
                CouponState coupon = (CouponState) active.get(i).state();
                JsonNode shown = coupons.get(i);
                String at = path + " coupons[" + i + "]";
                same(at + ".couponId", active.get(i).id(), shown.get("couponId"));
                same(at + ".name", coupon.name(), shown.get("name"));
                same(at + ".discountAmount", coupon.discountAmount(), shown.get("discountAmount"));
                same(at + ".minOrderAmount", coupon.minOrderAmount(), shown.get("minOrderAmount"));
                same(at + ".validUntil", coupon.validUntil().truncatedTo(ChronoUnit.MILLIS),
                        Instant.parse(shown.get("validUntil").stringValue()));
            }
        }
        products(truth, path + "/products");
    }

    /** The hours as the source has them; {@code openNow} as they say, unless an opening or closing fell within the request. */
    private void openingHours(ShopSnapshot truth, String path, JsonNode shop, Instant asked, Instant answered) {
        JsonNode shown = shop.get("openingHours");
        if (truth.openingHours() == null) {
            same(path + " openingHours", null, shown);
            same(path + " openNow", null, shop.get("openNow"));
            return;
        }
        OpeningHoursState hours = (OpeningHoursState) truth.openingHours().state();
        OpeningHoursState read = shown == null || shown.isNull() ? null : DomainJson.MAPPER.treeToValue(shown, OpeningHoursState.class);
        same(path + " openingHours", hours, read);
        if (hours.openAt(asked) == hours.openAt(answered)) {
            same(path + " openNow", hours.openAt(asked), shop.get("openNow"));
        }
    }

    private void products(ShopSnapshot truth, String path) {
        Map<Long, SourceItem> stock = byId(truth.stock());
        Map<Long, SourceItem> prices = byId(truth.prices());
        List<SourceItem> displayable = truth.products().stream()
                .filter(p -> ((ProductState) p.state()).displayStatus() != ProductState.DisplayStatus.HIDDEN)
                .sorted(Comparator.comparingLong(SourceItem::id)).toList();
        List<JsonNode> shown = new ArrayList<>();
        String cursor = null;
        do {
            Http.Answer page = http.get(baseUrl + path + "?size=" + PAGE_SIZE + (cursor == null ? "" : "&cursor=" + cursor));
            if (!same(path + " status", 200, page.status())) {
                return;
            }
            page.json().get("items").forEach(shown::add);
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.stringValue();
        } while (cursor != null);
        if (!same(path + " displayable products", displayable.size(), shown.size())) {
            return;
        }
        for (int i = 0; i < displayable.size(); i++) {
            SourceItem item = displayable.get(i);
            ProductState product = (ProductState) item.state();
            PriceState price = prices.containsKey(item.id()) ? (PriceState) prices.get(item.id()).state() : null;
            Integer quantity = stock.containsKey(item.id()) ? ((StockState) stock.get(item.id()).state()).quantity() : null;
            JsonNode view = shown.get(i);
            String at = path + " product " + item.id();
            same(at + " productId", item.id(), view.get("productId"));
            same(at + " name", product.name(), view.get("name"));
            same(at + " category", product.category(), view.get("category"));
            same(at + " imageUrl", product.imageUrl(), view.get("imageUrl"));
            same(at + " basePrice", product.basePrice(), view.get("basePrice"));
            same(at + " price", price == null ? product.basePrice() : price.salePrice(), view.get("price"));
            same(at + " discountRate", price == null ? null : price.discountRate(), view.get("discountRate"));
            same(at + " stock", quantity, view.get("stock"));
            same(at + " soldOut", product.displayStatus() == ProductState.DisplayStatus.SOLD_OUT
                    || quantity != null && quantity == 0, view.get("soldOut"));
            products++;
        }
    }

    private static Map<Long, SourceItem> byId(List<SourceItem> items) {
        return items.stream().collect(Collectors.toMap(SourceItem::id, Function.identity(), (a, b) -> b, LinkedHashMap::new));
    }

    /** Compares a value of the truth with a JSON value (or a plain value) by their text. */
    private boolean same(String what, Object expected, Object actual) {
        fields++;
        String shown = text(actual);
        String wanted = expected == null ? "null" : String.valueOf(expected);
        if (!wanted.equals(shown)) {
            differences.add(what + ": source " + wanted + ", display API " + shown);
            return false;
        }
        return true;
    }

    private static String text(Object value) {
        if (!(value instanceof JsonNode node)) {
            return String.valueOf(value);
        }
        if (node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isIntegralNumber()) {
            return Long.toString(node.longValue());
        }
        if (node.isNumber()) {
            return Double.toString(node.doubleValue());
        }
        if (node.isString()) {
            return node.stringValue();
        }
        return node.toString();
    }
}
