package com.siyu.mall.catalog.product;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.MEMBER;
import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static com.siyu.mall.catalog.CatalogApi.skuId;
import static com.siyu.mall.catalog.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.catalog.StubMemberService;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderLine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@MallIntegrationTest
class ProductAdminIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Member 7 without discounts, so member quotes show list prices. */
    private static final StubMemberService MEMBERS = new StubMemberService().member(7, "V0", 0, null, 0, "REPEAT");
    private static EventCollector catalogEvents;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    CatalogApi api;

    @BeforeAll
    static void collect() {
        catalogEvents = EventCollector.of(Topics.CATALOG);
    }

    @AfterAll
    static void stop() {
        catalogEvents.close();
        MEMBERS.close();
    }

    @DynamicPropertySource
    static void memberService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", MEMBERS::url);
    }

    @BeforeEach
    void client() {
        api = new CatalogApi(port);
    }

    @Test
    void createsAProductWithEveryFieldAndShowsItToAdminsAndThePublic() {
        String category = api.category(unique("cat"), null);
        String brand = api.brand(unique("brand"));
        Map<String, Object> sku = new HashMap<>(Map.of("specs", Map.of("color", "red"), "priceFen", 1999,
                "originalPriceFen", 2999, "stock", 5, "barcode", "6901234567892", "weightGrams", 350));
        var created = api.http.post("/admin/v1/products", Map.of("title", "  夏季碎花连衣裙 ", "subtitle", "清凉",
                "description", "<p>rich</p>", "imageUrls", List.of("https://img.example/1.jpg", "https://img.example/2.jpg"),
                "categoryId", category, "brandId", brand, "tags", List.of("夏季", "碎花", "夏季"), "sortWeight", 10,
                "skus", List.of(sku)), ADMIN);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("ON_SALE");
        String spuId = created.text("spuId");

        var admin = api.http.get("/admin/v1/products/" + spuId, ADMIN);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.text("title")).isEqualTo("夏季碎花连衣裙");
        assertThat(admin.text("categoryId")).isEqualTo(category);
        assertThat(admin.text("brandId")).isEqualTo(brand);
        assertThat(admin.body().path("tags")).extracting(t -> t.asString()).containsExactly("夏季", "碎花");
        assertThat(admin.text("audience")).isEqualTo("PUBLIC");
        assertThat(admin.number("sortWeight")).isEqualTo(10);
        var adminSku = admin.body().path("skus").get(0);
        assertThat(adminSku.path("barcode").asString()).isEqualTo("6901234567892");
        assertThat(adminSku.path("weightGrams").asInt()).isEqualTo(350);
        assertThat(adminSku.path("available").asInt()).isEqualTo(5);
        assertThat(adminSku.path("lowStockThreshold").asInt()).isZero();

        var detail = api.http.get("/api/v1/products/" + spuId, null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.text("subtitle")).isEqualTo("清凉");
        assertThat(detail.body().path("imageUrls")).hasSize(2);
        assertThat(detail.body().path("skus").get(0).path("originalPriceFen").asLong()).isEqualTo(2999);

        EventEnvelope published = catalogEvents.await("ProductPublished", spuId, WAIT);
        assertThat(published.aggregateType()).isEqualTo("Product");
        assertThat(published.payload().path("minPriceFen").asLong()).isEqualTo(1999);
        assertThat(published.payload().path("categoryId").asLong()).isEqualTo(Long.parseLong(category));
    }

    @Test
    void aDraftIsInvisibleUntilPublishedAndAnUnpublishedProductCannotBeQuotedOrReserved() {
        String title = unique("草稿");
        var created = api.product(title).with("status", "DRAFT").create();
        String spuId = created.text("spuId");
        long sku = Long.parseLong(skuId(created, 0));
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertProblem(api.http.get("/api/v1/products/" + spuId, null), 404, "PRODUCT_NOT_FOUND");
        assertThat(listed(title)).isEmpty();
        assertProblem(quote(sku, 7L), 422, "SKU_UNAVAILABLE");

        assertThat(api.http.post("/admin/v1/products/" + spuId + "/publish", null, ADMIN).text("status"))
                .isEqualTo("ON_SALE");
        catalogEvents.await("ProductPublished", spuId, WAIT);
        assertThat(api.http.get("/api/v1/products/" + spuId, null).status()).isEqualTo(200);
        assertThat(listed(title)).containsExactly(spuId);
        assertThat(quote(sku, 7L).status()).isEqualTo(200);

        var off = api.http.post("/admin/v1/products/" + spuId + "/unpublish", null, ADMIN);
        assertThat(off.text("status")).isEqualTo("OFF_SALE");
        assertThat(catalogEvents.await("ProductUnpublished", spuId, WAIT).payload().path("status").asString())
                .isEqualTo("OFF_SALE");
        assertProblem(api.http.get("/api/v1/products/" + spuId, null), 404, "PRODUCT_NOT_FOUND");
        assertThat(listed(title)).isEmpty();
        assertProblem(quote(sku, 7L), 422, "SKU_UNAVAILABLE");

        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                new OrderCreated(orderId, 7, List.of(new OrderLine(sku, Long.parseLong(spuId), 1, 1999)), 1999)));
        EventEnvelope failed = catalogEvents.await("InventoryReservationFailed", orderId, WAIT);
        assertThat(failed.payload().path("reason").asString()).isEqualTo("SKU_UNAVAILABLE");
        assertThat(api.http.get("/admin/v1/inventory/" + sku, ADMIN).number("available")).isEqualTo(10);

        // publishing twice, or unpublishing twice, changes nothing and emits nothing more
        api.http.post("/admin/v1/products/" + spuId + "/unpublish", null, ADMIN);
        assertThat(catalogEvents.all(e -> e.aggregateId().equals(spuId) && e.eventType().equals("ProductUnpublished")))
                .hasSize(1);
    }

    @Test
    void putAndPatchChangeSpuFieldsAndEmitProductChanged() {
        String spuId = api.product(unique("旧标题")).with("tags", List.of("a")).createSpu();
        String category = api.category(unique("cat"), null);

        var patched = api.http.patch("/admin/v1/products/" + spuId, Map.of("subtitle", "新副标题", "categoryId", category,
                "tags", List.of("b", "c")), ADMIN);
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.text("subtitle")).isEqualTo("新副标题");
        assertThat(patched.body().path("tags")).extracting(t -> t.asString()).containsExactly("b", "c");
        EventEnvelope changed = catalogEvents.await("ProductChanged", spuId, WAIT);
        assertThat(changed.payload().path("categoryId").asLong()).isEqualTo(Long.parseLong(category));

        // status is not an SPU field: only publish/unpublish change it, so PUT ignores it
        var replaced = api.put("/admin/v1/products/" + spuId, Map.of("title", "新标题", "audience", "MEMBERS_ONLY",
                "status", "OFF_SALE"), ADMIN);
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.text("title")).isEqualTo("新标题");
        assertThat(replaced.text("subtitle")).isNull();
        assertThat(replaced.text("categoryId")).isNull();
        assertThat(replaced.body().path("tags")).isEmpty();
        assertThat(replaced.text("status")).isEqualTo("ON_SALE");
        assertThat(api.http.get("/api/v1/products/" + spuId, MEMBER).text("title")).isEqualTo("新标题");

        // an edit that changes nothing emits nothing: after a no-op PUT, the next real change is the only new event
        catalogEvents.await(e -> e.aggregateId().equals(spuId) && e.eventType().equals("ProductChanged")
                && e.payload().path("audience").asString("").equals("MEMBERS_ONLY"), WAIT, "change to MEMBERS_ONLY");
        int before = changes(spuId);
        assertThat(api.put("/admin/v1/products/" + spuId, Map.of("title", "新标题", "audience", "MEMBERS_ONLY"), ADMIN)
                .status()).isEqualTo(200);
        api.http.patch("/admin/v1/products/" + spuId, Map.of("title", "最终标题"), ADMIN);
        catalogEvents.await(e -> e.aggregateId().equals(spuId)
                && e.payload().path("title").asString("").equals("最终标题"), WAIT, "change of title");
        assertThat(changes(spuId)).isEqualTo(before + 1);
    }

    private int changes(String spuId) {
        return catalogEvents.all(e -> e.aggregateId().equals(spuId) && e.eventType().equals("ProductChanged")).size();
    }

    @Test
    void membersOnlyProductsAreHiddenFromAnonymousCallers() {
        String title = unique("会员专享");
        var created = api.product(title).with("audience", "MEMBERS_ONLY").create();
        String spuId = created.text("spuId");
        long sku = Long.parseLong(skuId(created, 0));

        assertProblem(api.http.get("/api/v1/products/" + spuId, null), 404, "PRODUCT_NOT_FOUND");
        assertThat(listed(title)).isEmpty();
        assertProblem(quote(sku, null), 422, "SKU_UNAVAILABLE");

        var asMember = api.http.get("/api/v1/products/" + spuId, MEMBER);
        assertThat(asMember.status()).isEqualTo(200);
        assertThat(asMember.text("audience")).isEqualTo("MEMBERS_ONLY");
        assertThat(api.http.get("/api/v1/products?keyword=" + CatalogApi.encode(title), MEMBER).body().path("items"))
                .hasSize(1);
        assertThat(quote(sku, 7L).status()).isEqualTo(200);

        var newMembers = api.product(unique("新人专享")).with("audience", "NEW_MEMBERS_ONLY").with("perMemberLimit", 1)
                .createSpu();
        assertProblem(api.http.get("/api/v1/products/" + newMembers, null), 404, "PRODUCT_NOT_FOUND");
        var shown = api.http.get("/api/v1/products/" + newMembers, MEMBER);
        assertThat(shown.text("audience")).isEqualTo("NEW_MEMBERS_ONLY");
        assertThat(shown.number("perMemberLimit")).isEqualTo(1);
    }

    @Test
    void skuPricePatchEmitsPriceChangedAndChangesTheQuote() {
        var created = api.product(unique("调价")).sku(1999, 5).create();
        String spuId = created.text("spuId");
        long sku = Long.parseLong(skuId(created, 0));

        var patched = api.http.patch("/admin/v1/skus/" + sku, Map.of("priceFen", 1499, "originalPriceFen", 1999,
                "lowStockThreshold", 2), ADMIN);
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.number("priceFen")).isEqualTo(1499);
        assertThat(patched.number("lowStockThreshold")).isEqualTo(2);

        EventEnvelope changed = catalogEvents.await("PriceChanged", spuId, WAIT);
        assertThat(changed.payload().path("skuId").asLong()).isEqualTo(sku);
        assertThat(changed.payload().path("oldPriceFen").asLong()).isEqualTo(1999);
        assertThat(changed.payload().path("newPriceFen").asLong()).isEqualTo(1499);
        assertThat(quote(sku, 7L).body().path("lines").get(0).path("unitPriceFen").asLong()).isEqualTo(1499);
        assertThat(api.http.get("/api/v1/products/" + spuId, null).body().path("skus").get(0)
                .path("originalPriceFen").asLong()).isEqualTo(1999);
        catalogEvents.await("ProductChanged", spuId, WAIT); // the strike-through price is displayed
    }

    @Test
    void rejectsBadProductAndSkuInputAndChangesNothing() {
        var created = api.product(unique("坏输入")).sku(1999, 5).create();
        String spuId = created.text("spuId");
        String sku = skuId(created, 0);
        int spus = count("spu");
        String post = "/admin/v1/products";
        Map<String, Object> okSku = Map.of("priceFen", 100, "stock", 1);

        assertProblem(api.http.post(post, Map.of("title", "t", "categoryId", "123", "skus", List.of(okSku)), ADMIN),
                404, "CATEGORY_NOT_FOUND");
        assertProblem(api.http.post(post, Map.of("title", "t", "brandId", "123", "skus", List.of(okSku)), ADMIN),
                404, "BRAND_NOT_FOUND");
        assertProblem(api.http.post(post, Map.of("title", "t", "status", "OFF_SALE", "skus", List.of(okSku)), ADMIN),
                400, "PRODUCT_STATUS_INVALID");
        assertProblem(api.http.post(post, Map.of("title", "t", "audience", "VIP", "skus", List.of(okSku)), ADMIN),
                400, "MALFORMED_REQUEST");
        assertProblem(api.http.post(post, Map.of("title", "t", "tags", List.of(" "), "skus", List.of(okSku)), ADMIN),
                400, "VALIDATION_FAILED");
        assertProblem(api.http.post(post, Map.of("title", "t", "imageUrls", List.of("javascript:x"), "skus",
                List.of(okSku)), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(post, Map.of("title", "t", "skus", List.of(Map.of("priceFen", 100, "stock", 1,
                "originalPriceFen", 99))), ADMIN), 400, "PRICE_INVALID");
        assertThat(count("spu")).isEqualTo(spus);

        assertProblem(api.put("/admin/v1/products/" + spuId, Map.of("title", ""), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.put("/admin/v1/products/123", Map.of("title", "x"), ADMIN), 404, "PRODUCT_NOT_FOUND");
        assertProblem(api.http.patch("/admin/v1/products/" + spuId, Map.of(), ADMIN), 400, "PATCH_EMPTY");
        assertProblem(api.http.patch("/admin/v1/products/" + spuId, Map.of("title", " "), ADMIN), 400,
                "VALIDATION_FAILED");
        assertProblem(api.http.patch("/admin/v1/products/" + spuId, Map.of("brandId", "123"), ADMIN), 404,
                "BRAND_NOT_FOUND");
        assertProblem(api.http.post("/admin/v1/products/123/publish", null, ADMIN), 404, "PRODUCT_NOT_FOUND");
        assertProblem(api.http.get("/admin/v1/products/abc", ADMIN), 400, "PARAMETER_INVALID");
        String draft = api.product(unique("draft")).with("status", "DRAFT").createSpu();
        assertProblem(api.http.post("/admin/v1/products/" + draft + "/unpublish", null, ADMIN), 409,
                "PRODUCT_STATE_CONFLICT");

        assertProblem(api.http.patch("/admin/v1/skus/" + sku, Map.of("priceFen", 0), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.patch("/admin/v1/skus/" + sku, Map.of("originalPriceFen", 1000), ADMIN), 400,
                "PRICE_INVALID");
        assertProblem(api.http.patch("/admin/v1/skus/" + sku, Map.of("priceFen", 5000, "originalPriceFen", 4000), ADMIN),
                400, "PRICE_INVALID");
        assertProblem(api.http.patch("/admin/v1/skus/" + sku, Map.of(), ADMIN), 400, "PATCH_EMPTY");
        assertProblem(api.http.patch("/admin/v1/skus/" + sku, Map.of("lowStockThreshold", -1), ADMIN), 400,
                "VALIDATION_FAILED");
        assertProblem(api.http.patch("/admin/v1/skus/123", Map.of("priceFen", 100), ADMIN), 404, "SKU_NOT_FOUND");
        assertProblem(api.http.patch("/admin/v1/skus/" + sku, Map.of("priceFen", 100), MEMBER), 403, "FORBIDDEN");

        var after = api.http.get("/admin/v1/products/" + spuId, ADMIN);
        assertThat(after.text("title")).startsWith("坏输入");
        assertThat(after.body().path("skus").get(0).path("priceFen").asLong()).isEqualTo(1999);
        assertThat(after.body().path("skus").get(0).path("originalPriceFen").isNull()).isTrue();
    }

    private MallHttp.Response quote(long sku, Long memberId) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId);
        body.put("lines", List.of(Map.of("skuId", sku, "quantity", 1)));
        return api.http.post("/internal/catalog/price-quotes", body, ADMIN);
    }

    private List<String> listed(String title) {
        var page = api.http.get("/api/v1/products?keyword=" + CatalogApi.encode(title), null);
        assertThat(page.status()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(page.body().path("items").spliterator(), false)
                .map(i -> i.path("spuId").asString()).toList();
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
