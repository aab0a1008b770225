package com.siyu.mall.catalog.product;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.MEMBER;
import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static com.siyu.mall.catalog.CatalogApi.skuId;
import static com.siyu.mall.catalog.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One small catalog, set up once, listed through every filter and sort, page by page (limit 2). */
@MallIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductListingIT {

    record P(String spuId, long minPriceFen, long sales) {
    }

    @LocalServerPort
    int port;
    CatalogApi api;

    final String tag = unique("tag");
    final String word = unique("词");
    String root;
    String child;
    String brand1;
    P p1;
    P p2;
    P p3;
    P p4;
    P p7;
    P membersOnly;

    @BeforeAll
    void catalog() {
        api = new CatalogApi(port);
        root = api.category(unique("root"), null);
        child = api.category("child", root);
        brand1 = api.brand(unique("b1"));
        String brand2 = api.brand(unique("b2"));
        p1 = product(api.product("p1 " + word).with("categoryId", root).with("brandId", brand1).sku(100, 5), 0);
        p2 = product(api.product("p2").with("categoryId", child).with("brandId", brand2).sku(300, 5), 3);
        p3 = product(api.product("p3 " + word).with("categoryId", child).with("brandId", brand1).sku(300, 5), 0);
        p4 = product(api.product("p4").sku(900, 5).sku(500, 5), 1);
        api.product("draft").with("tags", List.of(tag)).with("categoryId", root).with("status", "DRAFT").sku(200, 5)
                .create();
        membersOnly = product(api.product("members").with("audience", "MEMBERS_ONLY").sku(100, 5), 0);
        p7 = product(api.product("p7").with("categoryId", child).with("tags", List.of(tag, "other")).sku(700, 5), 0);
    }

    @Test
    void everySortPagesThroughEveryMatchingProductExactlyOnceInOrder() {
        List<P> visible = List.of(p1, p2, p3, p4, p7);
        Comparator<P> newestFirst = Comparator.comparingLong((P p) -> Long.parseLong(p.spuId())).reversed();
        assertThat(pageAll("sort=newest", null)).containsExactlyElementsOf(ids(visible, newestFirst));
        assertThat(pageAll("", null)).containsExactlyElementsOf(ids(visible, newestFirst));
        assertThat(pageAll("sort=price_asc", null)).containsExactlyElementsOf(
                ids(visible, Comparator.comparingLong(P::minPriceFen).thenComparing(newestFirst)));
        assertThat(pageAll("sort=price_desc", null)).containsExactlyElementsOf(
                ids(visible, Comparator.comparingLong(P::minPriceFen).reversed().thenComparing(newestFirst)));
        assertThat(pageAll("sort=sales", null)).containsExactlyElementsOf(
                ids(visible, Comparator.comparingLong(P::sales).reversed().thenComparing(newestFirst)));
        assertThat(pageAll("sort=sales", null).subList(0, 2)).containsExactly(p2.spuId(), p4.spuId());
    }

    @Test
    void filtersByCategoryIncludingSubCategoriesBrandPriceKeywordAndTag() {
        assertThat(pageAll("categoryId=" + root, null))
                .containsExactlyInAnyOrder(p1.spuId(), p2.spuId(), p3.spuId(), p7.spuId());
        assertThat(pageAll("categoryId=" + child + "&sort=price_asc", null))
                .containsExactlyInAnyOrder(p2.spuId(), p3.spuId(), p7.spuId());
        assertThat(pageAll("brandId=" + brand1 + "&sort=price_desc", null))
                .containsExactlyInAnyOrder(p1.spuId(), p3.spuId());
        assertThat(pageAll("minPriceFen=200&maxPriceFen=500&sort=price_asc", null))
                .containsExactly(p3.spuId(), p2.spuId(), p4.spuId());
        assertThat(pageAll("keyword=" + CatalogApi.encode(word) + "&sort=sales", null))
                .containsExactlyInAnyOrder(p1.spuId(), p3.spuId());
        assertThat(pageAll("categoryId=" + child + "&brandId=" + brand1, null)).containsExactly(p3.spuId());
    }

    @Test
    void membersAlsoSeeMembersOnlyProducts() {
        assertThat(pageAll("sort=price_asc", MEMBER)).contains(membersOnly.spuId()).hasSize(6);
        assertThat(pageAll("sort=price_asc", null)).doesNotContain(membersOnly.spuId());
    }

    @Test
    void listingShowsPriceSalesAndTheFirstImage() {
        var page = api.http.get("/api/v1/products?tag=" + tag + "&sort=sales&limit=1", null);
        var first = page.body().path("items").get(0);
        assertThat(first.path("spuId").asString()).isEqualTo(p2.spuId());
        assertThat(first.path("sales").asLong()).isEqualTo(3);
        assertThat(first.path("available").asInt()).isEqualTo(2);
        assertThat(first.path("minPriceFen").asLong()).isEqualTo(300);
    }

    @Test
    void rejectsBadListingParameters() {
        String page1 = api.http.get("/api/v1/products?tag=" + tag + "&sort=price_asc&limit=1", null).text("nextCursor");
        assertProblem(api.http.get("/api/v1/products?sort=relevance", null), 400, "SORT_INVALID");
        assertProblem(api.http.get("/api/v1/products?cursor=garbage", null), 400, "CURSOR_INVALID");
        assertProblem(api.http.get("/api/v1/products?sort=sales&cursor=" + page1, null), 400, "CURSOR_INVALID");
        assertProblem(api.http.get("/api/v1/products?minPriceFen=500&maxPriceFen=100", null), 400,
                "PRICE_RANGE_INVALID");
        assertProblem(api.http.get("/api/v1/products?minPriceFen=-1", null), 400, "VALIDATION_FAILED");
        assertProblem(api.http.get("/api/v1/products?categoryId=123", null), 404, "CATEGORY_NOT_FOUND");
        assertProblem(api.http.get("/api/v1/products?brandId=123", null), 404, "BRAND_NOT_FOUND");
        assertProblem(api.http.get("/api/v1/products?categoryId=x", null), 400, "PARAMETER_INVALID");
        assertProblem(api.http.get("/api/v1/products?limit=101", null), 400, "VALIDATION_FAILED");
    }

    /** Every page (limit 2) of the tag's products for a query; fails on a product seen twice. */
    private List<String> pageAll(String query, String token) {
        List<String> seen = new ArrayList<>();
        Set<String> unique = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.http.get("/api/v1/products?tag=" + tag + "&limit=2" + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            assertThat(page.body().path("items").size()).isLessThanOrEqualTo(2);
            page.body().path("items").forEach(item -> {
                assertThat(unique.add(item.path("spuId").asString())).as("seen twice: " + item).isTrue();
                seen.add(item.path("spuId").asString());
            });
            cursor = page.text("nextCursor");
        } while (cursor != null && ++pages < 50);
        return seen;
    }

    private static List<String> ids(List<P> products, Comparator<P> order) {
        return products.stream().sorted(order).map(P::spuId).toList();
    }

    /** Creates the product with the class's tag and sells {@code sold} units of its first SKU through real events. */
    private P product(CatalogApi.ProductBuilder builder, int sold) {
        var created = builder.with("tags", List.of(tag)).create();
        String spuId = created.text("spuId");
        long sku = Long.parseLong(skuId(created, 0));
        if (sold > 0) {
            long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
            List<OrderLine> lines = List.of(new OrderLine(sku, Long.parseLong(spuId), sold, 1));
            EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                    new OrderCreated(orderId, 7, lines, sold)));
            EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                    new OrderPaid(orderId, 7, lines, sold, "MOCK", Instant.now())));
            await().atMost(Duration.ofSeconds(20)).until(
                    () -> api.http.get("/admin/v1/inventory/" + sku, ADMIN).number("sold") == sold);
        }
        long minPrice = java.util.stream.StreamSupport.stream(
                api.http.get("/admin/v1/products/" + spuId, ADMIN).body().path("skus").spliterator(), false)
                .mapToLong(s -> s.path("priceFen").asLong()).min().orElseThrow();
        return new P(spuId, minPrice, sold);
    }

}
