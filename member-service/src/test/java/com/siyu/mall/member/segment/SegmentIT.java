package com.siyu.mall.member.segment;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.contracts.catalog.ProductChanged;
import com.siyu.mall.contracts.catalog.ProductPublished;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import com.siyu.mall.member.MemberApi;
import com.siyu.mall.member.auth.MemberSteps;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@MallIntegrationTest
class SegmentIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RfmJob rfmJob;

    MemberApi api;
    MemberApi.LoggedIn member;
    String admin;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        member = api.newMember();
        admin = api.adminToken();
    }

    @Test
    void operatorsAddAndRemoveManualTags() {
        MallHttp.Response added = addTag(member.id(), "高价值");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(tagNames(added)).containsExactly("高价值");
        assertThat(addTag(member.id(), " 高价值 ").status()).as("adding it again changes nothing").isEqualTo(201);
        addTag(member.id(), "vip_2026");
        assertThat(tagNames(api.http.get(tagsPath(member.id()), admin))).containsExactlyInAnyOrder("高价值", "vip_2026");
        assertThat(jdbc.queryForObject("SELECT actor FROM member_tag WHERE member_id = ? AND tag = 'vip_2026'",
                String.class, member.id())).isEqualTo("admin:admin");

        assertThat(api.delete(tagsPath(member.id()) + "/vip_2026", admin).status()).isEqualTo(204);
        assertProblem(api.delete(tagsPath(member.id()) + "/vip_2026", admin), 404, "TAG_NOT_FOUND");
        assertThat(tagNames(api.http.get(tagsPath(member.id()), admin))).containsExactly("高价值");
    }

    @Test
    void badTagRequestsAreRejectedAndChangeNothing() {
        assertProblem(addTag(member.id(), ""), 400, "TAG_INVALID");
        assertProblem(addTag(member.id(), "a:b"), 400, "TAG_INVALID");
        assertProblem(addTag(member.id(), "x".repeat(33)), 400, "TAG_INVALID");
        assertProblem(api.http.post(tagsPath(member.id()), Map.of(), admin), 400, "TAG_INVALID");
        assertProblem(api.http.post(tagsPath(member.id()), Map.of("tag", List.of()), admin), 400, "MALFORMED_REQUEST");
        assertProblem(addTag(1, "vip"), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.http.get(tagsPath(1), admin), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.delete(tagsPath(1) + "/vip", admin), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.http.post(tagsPath(member.id()), Map.of("tag", "vip"), member.token()), 403, "FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_tag WHERE member_id = ?", Integer.class,
                member.id())).isZero();
    }

    @Test
    void purchasesMakePreferenceTagsFromTheCatalogsCategories() {
        long shoes = IdWorker.getId();
        long bags = IdWorker.getId();
        long hats = IdWorker.getId();
        long sneaker = IdWorker.getId();
        long tote = IdWorker.getId();
        Instant now = Instant.now();
        catalogEvent(new ProductPublished(sneaker, "跑鞋", shoes, null, List.of(), "ALL", 19_900), now);
        catalogEvent(new ProductPublished(tote, "托特包", hats, null, List.of(), "ALL", 9_900), now);
        catalogEvent(new ProductChanged(tote, "托特包", "ON_SALE", bags, null, List.of(), "ALL"), now.plusSeconds(1));
        EventEnvelope stale = catalogEvent(new ProductChanged(tote, "托特包", "ON_SALE", hats, null, List.of(), "ALL"),
                now.minusSeconds(60));
        await().atMost(WAIT).until(() -> processed(stale.eventId()));
        assertThat(jdbc.queryForObject("SELECT category_id FROM catalog_spu WHERE spu_id = ?", Long.class, tote))
                .as("an older event never overwrites a newer one").isEqualTo(bags);

        long first = IdWorker.getId();
        long second = IdWorker.getId();
        paid(first, List.of(line(sneaker), line(tote)));
        EventEnvelope again = EventCollector.envelope("Order", member.id(), orderPaid(second, List.of(line(sneaker))));
        EventCollector.publish(Topics.ORDER, again);
        EventCollector.publish(Topics.ORDER, again);

        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM purchased_spu WHERE member_id = ?", Integer.class, member.id())).isEqualTo(3));
        await().atMost(WAIT).untilAsserted(() -> assertThat(tagNames(api.http.get(tagsPath(member.id()), admin)))
                .containsExactly("category:" + shoes, "category:" + bags));
        MallHttp.Response tags = api.http.get(tagsPath(member.id()), admin);
        assertThat(tags.body().get(0).path("source").asString()).isEqualTo("PREFERENCE");
        assertProblem(api.delete(tagsPath(member.id()) + "/category:" + shoes, admin), 409, "TAG_DERIVED");

        MallHttp.Response found = api.http.get("/admin/v1/members?tag=category:" + bags, admin);
        assertThat(ids(found)).containsExactly(String.valueOf(member.id()));
    }

    @Test
    void theDailyJobScoresRfmAndOperatorsSearchBySegmentPhoneAndCursor() {
        MemberSteps steps = new MemberSteps(api.http, context);
        String phone = MemberSteps.newPhone();
        MallHttp.Response login = steps.loggedIn(phone, null);
        long big = Long.parseLong(login.text("memberId"));
        long small = member.id();
        String segment = "seg" + IdWorker.getId();
        Instant now = Instant.now();
        for (int i = 0; i < 7; i++) {
            paidOrder(big, 100_000_000, now.minus(Duration.ofHours(i)));
        }
        paidOrder(small, 1, now.minus(Duration.ofDays(4000)));
        for (int i = 1; i <= 4; i++) {
            paidOrder(api.newMember().id(), 1_000 * i, now.minus(Duration.ofDays(10 * i)));
        }
        addTag(small, segment);
        addTag(big, segment);

        assertThat(rfmJob.run(now)).isGreaterThanOrEqualTo(6);
        // recency ties with every member of the shared test database who paid today, so only F and M are pinned
        assertThat(ids(search("?tag=" + segment + "&rfm=x55"))).containsExactly(String.valueOf(big));
        assertThat(ids(search("?tag=" + segment + "&rfm=1x1"))).containsExactly(String.valueOf(small));
        assertThat(ids(search("?tag=" + segment + "&rfm=xx5&lifecycle=NEW"))).containsExactly(String.valueOf(big));
        assertThat(ids(search("?tag=" + segment + "&lifecycle=LOYAL"))).isEmpty();

        MallHttp.Response byPhone = search("?phone=" + phone);
        assertThat(ids(byPhone)).containsExactly(String.valueOf(big));
        JsonNode item = byPhone.body().path("items").get(0);
        assertThat(item.path("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(item.path("rfm").asString()).matches("[3-5]55");
        assertThat(item.path("tags").get(0).asString()).isEqualTo(segment);
        assertThat(byPhone.raw()).doesNotContain(phone);
        assertThat(ids(search("?phone=" + MemberSteps.newPhone()))).isEmpty();

        MallHttp.Response page1 = search("?tag=" + segment + "&limit=1");
        assertThat(ids(page1)).containsExactly(String.valueOf(big));
        MallHttp.Response page2 = search("?tag=" + segment + "&limit=1&cursor=" + page1.text("nextCursor"));
        assertThat(ids(page2)).containsExactly(String.valueOf(small));
        assertThat(page2.body().path("nextCursor").isNull()).isTrue();

        MallHttp.Response summary = api.http.get("/admin/v1/segments/summary", admin);
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        assertThat(summary.body().path("lifecycle").propertyNames()).containsExactly("NEW", "FIRST_ORDER", "REPEAT",
                "LOYAL", "DORMANT");
        assertThat(summary.body().path("lifecycle").path("NEW").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(summary.number("members")).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM member WHERE deleted_at IS NULL", Long.class));
        List<String> segmentCounts = new ArrayList<>();
        for (JsonNode tag : summary.body().path("tags")) {
            if (tag.path("tag").asString().equals(segment)) {
                segmentCounts.add(tag.path("source").asString() + "=" + tag.path("members").asLong());
            }
        }
        assertThat(segmentCounts).containsExactly("MANUAL=2");
    }

    @Test
    void badSearchesAreRejected() {
        assertProblem(search("?limit=0"), 400, "VALIDATION_FAILED");
        assertProblem(search("?limit=101"), 400, "VALIDATION_FAILED");
        assertProblem(search("?cursor=abc"), 400, "CURSOR_INVALID");
        assertProblem(search("?rfm=6xx"), 400, "RFM_INVALID");
        assertProblem(search("?rfm=55"), 400, "RFM_INVALID");
        assertProblem(search("?lifecycle=SLEEPY"), 400, "LIFECYCLE_INVALID");
        assertProblem(search("?phone=12345"), 400, "PHONE_INVALID");
        assertProblem(api.http.get("/admin/v1/members", member.token()), 403, "FORBIDDEN");
        assertProblem(api.http.get("/admin/v1/segments/summary", member.token()), 403, "FORBIDDEN");
    }

    // ---- steps

    private MallHttp.Response search(String query) {
        return api.http.get("/admin/v1/members" + query, admin);
    }

    private static String tagsPath(long memberId) {
        return "/admin/v1/members/" + memberId + "/tags";
    }

    private MallHttp.Response addTag(long memberId, String tag) {
        return api.http.post(tagsPath(memberId), Map.of("tag", tag), admin);
    }

    private EventEnvelope catalogEvent(Object payload, Instant occurredAt) {
        long spuId = payload instanceof ProductPublished p ? p.spuId() : ((ProductChanged) payload).spuId();
        EventEnvelope e = EventCollector.envelope("Product", spuId, payload);
        EventEnvelope at = new EventEnvelope(e.eventId(), e.eventType(), e.aggregateType(), e.aggregateId(), occurredAt,
                e.schemaVersion(), e.payload());
        EventCollector.publish(Topics.CATALOG, at);
        return at;
    }

    private boolean processed(String eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, eventId) == 1;
    }

    private void paid(long orderId, List<OrderLine> lines) {
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", member.id(), orderPaid(orderId, lines)));
    }

    private OrderPaid orderPaid(long orderId, List<OrderLine> lines) {
        return new OrderPaid(orderId, member.id(), lines, 10_000, "MOCK", Instant.now());
    }

    private static OrderLine line(long spuId) {
        return new OrderLine(IdWorker.getId(), spuId, 1, 5_000);
    }

    private void paidOrder(long memberId, long payableFen, Instant paidAt) {
        jdbc.update("INSERT INTO paid_order (order_id, member_id, payable_fen, paid_at, created_at) VALUES (?, ?, ?, ?, ?)",
                IdWorker.getId(), memberId, payableFen, Timestamp.from(paidAt), Timestamp.from(paidAt));
    }

    private static List<String> ids(MallHttp.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.body().path("items")) {
            ids.add(item.path("memberId").asString());
        }
        return ids;
    }

    private static List<String> tagNames(MallHttp.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
        List<String> names = new ArrayList<>();
        for (JsonNode tag : answer.body()) {
            names.add(tag.path("tag").asString());
        }
        return names;
    }
}
