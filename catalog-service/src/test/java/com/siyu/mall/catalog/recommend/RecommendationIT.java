package com.siyu.mall.catalog.recommend;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.unique;
import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Recommendations learnt from OrderPaid events published through the real broker to the real consumer. */
@MallIntegrationTest
class RecommendationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    CatalogApi api;

    @BeforeEach
    void client() {
        api = new CatalogApi(port);
    }

    @Test
    void recommendationsFollowPurchasesAndRelatedShowsBoughtTogether() {
        String category = api.category(unique("rec"), null);
        String tag = unique("t");
        String a = product("A", category, tag, 10, null);
        String b = product("B", null, null, 10, null);
        String x = product("X", null, null, 10, null);
        String sameTag = product("D", null, tag, 10, null);
        String soldOut = product("S", category, tag, 0, null);
        String membersOnly = product("E", category, null, 10, "MEMBERS_ONLY");
        // no member-service in this context: whether the member is NEW is unknown, so new-member offers stay out
        String newMembersOnly = product("N", category, tag, 10, "NEW_MEMBERS_ONLY");
        long m1 = ThreadLocalRandom.current().nextLong(1L << 40);
        long m2 = m1 + 1;
        String token = TestJwtIssuer.get().memberToken(m1);

        var before = api.http.get("/api/v1/recommendations?limit=50", token);
        assertThat(before.status()).as(before.raw()).isEqualTo(200);
        assertThat(items(before)).isNotEmpty().allSatisfy((id, reason) -> assertThat(reason).isEqualTo("POPULAR"));

        long order1 = paid(m1, a, b);
        paid(m2, a, x);
        await().atMost(WAIT).untilAsserted(() -> assertThat(items(api.http.get("/api/v1/recommendations?limit=50",
                token))).containsEntry(x, "BOUGHT_TOGETHER"));
        Map<String, String> recs = items(api.http.get("/api/v1/recommendations?limit=50", token));
        assertThat(recs).containsEntry(sameTag, "PREFERENCE").containsEntry(membersOnly, "PREFERENCE")
                .doesNotContainKeys(a, b, soldOut, newMembersOnly); // just bought, no stock, not known to be NEW
        assertThat(recs.keySet().stream().toList().indexOf(x)).isLessThan(recs.keySet().stream().toList()
                .indexOf(sameTag));

        Map<String, String> related = items(api.http.get("/api/v1/products/" + a + "/related?limit=50", null));
        assertThat(related.keySet().stream().limit(2).toList()).containsExactlyInAnyOrder(b, x);
        assertThat(related).containsEntry(b, "BOUGHT_TOGETHER").containsEntry(sameTag, "SIMILAR")
                .doesNotContainKeys(a, soldOut, membersOnly, newMembersOnly);
        assertThat(items(api.http.get("/api/v1/products/" + a + "/related?limit=50", token)))
                .containsEntry(membersOnly, "SIMILAR");
        assertThat(items(api.http.get("/api/v1/products/" + a + "/related?limit=1", null))).hasSize(1);

        // a redelivered OrderPaid (same order, new event id) is learnt once
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", order1, new OrderPaid(order1, m1,
                List.of(line(a), line(b)), 2, "MOCK", Instant.now())));
        long marker = order1 + 1; // keyed like order1: same partition, so learnt after the redelivery
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", order1, new OrderPaid(marker, m1 + 2,
                List.of(line(x)), 1000, "MOCK", Instant.now())));
        await().atMost(WAIT).until(() -> learned(marker));
        assertThat(jdbc.queryForObject("SELECT orders FROM co_purchase WHERE spu_id = ? AND other_spu_id = ?",
                Integer.class, Long.parseLong(a), Long.parseLong(b))).isEqualTo(1);
    }

    @Test
    void badInputAndWrongCallers() {
        String a = product("A", null, null, 1, null);
        String hidden = product("H", null, null, 1, "MEMBERS_ONLY");
        String token = TestJwtIssuer.get().memberToken(ThreadLocalRandom.current().nextLong(1L << 40));
        assertProblem(api.http.get("/api/v1/recommendations?limit=0", token), 400, "VALIDATION_FAILED");
        assertProblem(api.http.get("/api/v1/recommendations?limit=51", token), 400, "VALIDATION_FAILED");
        assertProblem(api.http.get("/api/v1/recommendations?limit=x", token), 400, "PARAMETER_INVALID");
        assertProblem(api.http.get("/api/v1/recommendations", null), 401, "UNAUTHORIZED");
        assertProblem(api.http.get("/api/v1/recommendations", ADMIN), 403, "MEMBER_TOKEN_REQUIRED");
        assertProblem(api.http.get("/api/v1/products/" + a + "/related?limit=51", null), 400, "VALIDATION_FAILED");
        assertProblem(api.http.get("/api/v1/products/1/related", null), 404, "PRODUCT_NOT_FOUND");
        assertProblem(api.http.get("/api/v1/products/" + hidden + "/related", null), 404, "PRODUCT_NOT_FOUND");
        assertThat(api.http.get("/api/v1/products/" + hidden + "/related", token).status()).isEqualTo(200);
    }

    private String product(String title, String category, String tag, int stock, String audience) {
        var builder = api.product(unique(title)).sku(1000, stock);
        if (category != null) {
            builder.with("categoryId", category);
        }
        if (tag != null) {
            builder.with("tags", List.of(tag));
        }
        if (audience != null) {
            builder.with("audience", audience);
        }
        return builder.createSpu();
    }

    private long paid(long member, String... spus) {
        long orderId = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        List<OrderLine> lines = java.util.Arrays.stream(spus).map(RecommendationIT::line).toList();
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                new OrderPaid(orderId, member, lines, 1000L * lines.size(), "MOCK", Instant.now())));
        return orderId;
    }

    private boolean learned(long orderId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recommend_learned_order WHERE order_id = ?", Integer.class,
                orderId) == 1;
    }

    /** The SKU id does not matter to learning; the product is what is learnt. */
    private static OrderLine line(String spu) {
        return new OrderLine(1, Long.parseLong(spu), 1, 1000);
    }

    private static Map<String, String> items(MallHttp.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        Map<String, String> items = new LinkedHashMap<>();
        StreamSupport.stream(response.body().path("items").spliterator(), false)
                .forEach(i -> items.put(i.path("spuId").asString(), i.path("reason").asString()));
        return items;
    }
}
