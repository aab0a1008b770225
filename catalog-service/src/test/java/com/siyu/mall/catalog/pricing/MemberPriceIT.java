package com.siyu.mall.catalog.pricing;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.unique;
import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.catalog.StubMemberService;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderLine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Member prices and audience rules in the quote, with member-service as a real HTTP server at the boundary. */
@MallIntegrationTest(properties = {"mall.catalog.member-benefits-ttl=PT0S",
        "spring.cloud.openfeign.client.config.member.read-timeout=500"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberPriceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final StubMemberService MEMBERS = new StubMemberService();
    private static final AtomicLong IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41));
    private static EventCollector catalogEvents;

    @LocalServerPort
    int port;
    CatalogApi api;

    @DynamicPropertySource
    static void memberService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", MEMBERS::url);
    }

    @BeforeAll
    static void collect() {
        catalogEvents = EventCollector.of(Topics.CATALOG);
    }

    @AfterAll
    static void stop() {
        catalogEvents.close();
        MEMBERS.close();
    }

    @BeforeEach
    void client() {
        api = new CatalogApi(port);
    }

    @Test
    void levelDiscountThenCardDiscountEachRoundedDown() {
        var created = api.product(unique("p")).sku(10_001, 5).create();
        long sku = sku(created);
        long member = member("V3", 5, "GOLD", 10, "REPEAT");
        var quote = quote(member, sku, 2);
        assertThat(quote.status()).as(quote.raw()).isEqualTo(200);
        var line = quote.body().path("lines").get(0);
        assertThat(line.path("unitPriceFen").asLong()).isEqualTo(8550); // 10 001 → 9 500 → 8 550
        assertThat(line.path("priceRule").asString()).isEqualTo("LEVEL_DISCOUNT:V3:5%+CARD_DISCOUNT:GOLD:10%");
        assertThat(quote.body().path("totalFen").asLong()).isEqualTo(17_100);

        var shown = api.http.get("/api/v1/products/" + created.text("spuId"), TestJwtIssuer.get().memberToken(member))
                .body().path("skus").get(0);
        assertThat(shown.path("priceFen").asLong()).isEqualTo(10_001);
        assertThat(shown.path("memberPriceFen").asLong()).isEqualTo(8550);
        assertThat(shown.path("memberPriceRule").asString()).isEqualTo("LEVEL_DISCOUNT:V3:5%+CARD_DISCOUNT:GOLD:10%");
        assertThat(api.http.get("/api/v1/products/" + created.text("spuId"), null).body().path("skus").get(0)
                .path("memberPriceFen").isNull()).isTrue();

        var guest = quote(null, sku, 1).body().path("lines").get(0);
        assertThat(guest.path("unitPriceFen").asLong()).isEqualTo(10_001);
        assertThat(guest.path("priceRule").asString()).isEqualTo("LIST_PRICE");
    }

    @Test
    void explicitLevelPricesAreSetByAdminEmitPriceChangedAndWin() {
        var created = api.product(unique("p")).sku(9999, 5).create();
        long sku = sku(created);
        var put = api.put("/admin/v1/skus/" + sku + "/member-prices", Map.of("prices", Map.of("V2", 8900, "V3", 8500)),
                ADMIN);
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        assertThat(put.body().path("memberPrices").path("V2").asLong()).isEqualTo(8900);
        EventEnvelope changed = catalogEvents.await(e -> e.eventType().equals("PriceChanged")
                && e.payload().path("skuId").asLong() == sku && "V2".equals(e.payload().path("levelCode").asString(null)),
                WAIT, "PriceChanged V2");
        assertThat(changed.payload().path("oldPriceFen").asLong()).isZero();
        assertThat(changed.payload().path("newPriceFen").asLong()).isEqualTo(8900);

        var v2 = quote(member("V2", 5, null, 0, "REPEAT"), sku, 1).body().path("lines").get(0);
        assertThat(v2.path("unitPriceFen").asLong()).isEqualTo(8900);
        assertThat(v2.path("priceRule").asString()).isEqualTo("LEVEL_PRICE:V2");
        var v2card = quote(member("V2", 5, "GOLD", 10, "REPEAT"), sku, 1).body().path("lines").get(0);
        assertThat(v2card.path("unitPriceFen").asLong()).isEqualTo(8010);
        assertThat(v2card.path("priceRule").asString()).isEqualTo("LEVEL_PRICE:V2+CARD_DISCOUNT:GOLD:10%");
        var v1 = quote(member("V1", 2, null, 0, "REPEAT"), sku, 1).body().path("lines").get(0);
        assertThat(v1.path("unitPriceFen").asLong()).isEqualTo(9799); // 9 999 × 0.98 = 9 799.02
        assertThat(v1.path("priceRule").asString()).isEqualTo("LEVEL_DISCOUNT:V1:2%");

        var cleared = api.put("/admin/v1/skus/" + sku + "/member-prices", Map.of("prices", Map.of("V3", 8500)), ADMIN);
        assertThat(cleared.body().path("memberPrices").has("V2")).isFalse();
        catalogEvents.await(e -> e.eventType().equals("PriceChanged") && e.payload().path("skuId").asLong() == sku
                && e.payload().path("newPriceFen").asLong() == 0, WAIT, "PriceChanged V2 removed");
        assertThat(api.http.get("/admin/v1/skus/" + sku + "/member-prices", ADMIN).body().path("memberPrices")
                .toString()).isEqualTo("{\"V3\":8500}");
    }

    @Test
    void badMemberPriceInputChangesNothing() {
        long sku = sku(api.product(unique("p")).sku(5000, 5).create());
        String path = "/admin/v1/skus/" + sku + "/member-prices";
        assertThat(api.put(path, Map.of("prices", Map.of("V1", 4000)), ADMIN).status()).isEqualTo(200);
        assertProblem(api.put(path, Map.of("prices", Map.of("V9", 4000)), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.put(path, Map.of("prices", Map.of("V1", 0)), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.put(path, Map.of(), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.put(path, Map.of("prices", Map.of("V1", 5001)), ADMIN), 400, "PRICE_INVALID");
        assertProblem(api.put(path, Map.of("prices", "cheap"), ADMIN), 400, "MALFORMED_REQUEST");
        assertProblem(api.put("/admin/v1/skus/1/member-prices", Map.of("prices", Map.of("V1", 1)), ADMIN), 404,
                "SKU_NOT_FOUND");
        assertProblem(api.put(path, Map.of("prices", Map.of("V1", 1)), TestJwtIssuer.get().memberToken(7)), 403,
                "FORBIDDEN");
        assertThat(api.http.get(path, ADMIN).body().path("memberPrices").toString()).isEqualTo("{\"V1\":4000}");
    }

    @Test
    void newMembersOnlyProductsAreQuotedOnlyToNewMembersUpToTheirLimit() {
        var created = api.product(unique("gift")).with("audience", "NEW_MEMBERS_ONLY").sku(990, 10).create();
        long sku = sku(created);
        long spu = Long.parseLong(created.text("spuId"));
        long newMember = member("V0", 0, null, 0, "NEW");

        assertProblem(quote(member("V1", 0, null, 0, "FIRST_ORDER"), sku, 1), 403, "AUDIENCE_NEW_MEMBERS_ONLY");
        assertProblem(quote(newMember, sku, 2), 409, "NEW_MEMBER_LIMIT_EXCEEDED");
        assertProblem(quote(null, sku, 1), 422, "SKU_UNAVAILABLE");
        assertThat(quote(newMember, sku, 1).status()).isEqualTo(200);

        long orderId = IDS.incrementAndGet();
        List<OrderLine> lines = List.of(new OrderLine(sku, spu, 1, 990));
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                new OrderCreated(orderId, newMember, lines, 990)));
        catalogEvents.await("InventoryReserved", orderId, WAIT);
        assertProblem(quote(newMember, sku, 1), 409, "NEW_MEMBER_LIMIT_EXCEEDED");

        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                new OrderCancelled(orderId, newMember, lines, "BY_MEMBER")));
        org.awaitility.Awaitility.await().atMost(WAIT)
                .untilAsserted(() -> assertThat(quote(newMember, sku, 1).status()).isEqualTo(200));
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // after the unordered tests (Order.DEFAULT)
    void memberServiceFailingOrSlowFailsMemberQuotesWith503ButNotGuests() {
        long sku = sku(api.product(unique("p")).sku(1000, 5).create());
        long failing = IDS.incrementAndGet();
        MEMBERS.failing(failing);
        assertProblem(quote(failing, sku, 1), 503, "DEPENDENCY_UNAVAILABLE");
        long slow = member("V1", 5, null, 0, "REPEAT");
        MEMBERS.slow(slow);
        long started = System.nanoTime();
        assertProblem(quote(slow, sku, 1), 503, "DEPENDENCY_UNAVAILABLE");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(quote(null, sku, 1).status()).isEqualTo(200);
    }

    @Test
    @Order(Integer.MAX_VALUE) // stops the stub: last
    void memberServiceDownFailsMemberQuotesWith503AndPublicReadsShowListPrices() {
        var created = api.product(unique("p")).sku(1000, 5).create();
        long sku = sku(created);
        long member = member("V2", 5, null, 0, "REPEAT");
        MEMBERS.close();
        assertProblem(quote(member, sku, 1), 503, "DEPENDENCY_UNAVAILABLE");
        var detail = api.http.get("/api/v1/products/" + created.text("spuId"), TestJwtIssuer.get().memberToken(member));
        assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
        assertThat(detail.body().path("skus").get(0).path("priceFen").asLong()).isEqualTo(1000);
        assertThat(detail.body().path("skus").get(0).path("memberPriceFen").isNull()).isTrue();
    }

    private MallHttp.Response quote(Long memberId, long skuId, int quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId);
        body.put("lines", List.of(Map.of("skuId", skuId, "quantity", quantity)));
        return api.http.post("/internal/catalog/price-quotes", body, ADMIN);
    }

    private static long member(String level, int levelPercent, String card, int cardPercent, String lifecycle) {
        long id = IDS.incrementAndGet();
        MEMBERS.member(id, level, levelPercent, card, cardPercent, lifecycle);
        return id;
    }

    private static long sku(MallHttp.Response created) {
        return Long.parseLong(CatalogApi.skuId(created, 0));
    }
}
