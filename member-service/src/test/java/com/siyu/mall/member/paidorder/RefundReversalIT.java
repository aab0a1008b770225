package com.siyu.mall.member.paidorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.contracts.order.OrderCompleted;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import com.siyu.mall.contracts.order.OrderRefunded;
import com.siyu.mall.member.MemberApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class RefundReversalIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final OrderLine LINE = new OrderLine(1L, 1L, 1, 100);
    static EventCollector memberEvents;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MemberApi api;
    MemberApi.LoggedIn member;

    @BeforeAll
    static void collect() {
        memberEvents = EventCollector.of(Topics.MEMBER);
    }

    @AfterAll
    static void stop() {
        memberEvents.close();
    }

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        member = api.newMember();
    }

    @Test
    void aPartialRefundBeforeCompletionTakesBackItsShareOfPendingPointsAndGrowthOnceUnderRedelivery() {
        long orderId = IdWorker.getId();
        publish(new OrderPaid(orderId, member.id(), List.of(LINE), 10_000, "MOCK", Instant.now()));
        awaitPoints(0, 100);

        long refundId = IdWorker.getId();
        EventEnvelope refunded = envelope(new OrderRefunded(orderId, member.id(), refundId, List.of(LINE), 3_000, "MOCK"));
        publish(refunded);
        publish(refunded); // the same event again
        publish(new OrderRefunded(orderId, member.id(), refundId, List.of(LINE), 3_000, "MOCK")); // same refund, new event id
        awaitPoints(0, 70);
        publish(new OrderCompleted(orderId, member.id(), List.of(LINE), 10_000, Instant.now()));
        awaitPoints(70, 0);

        assertThat(growth()).isEqualTo(70);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_refund WHERE refund_id = ?", Integer.class, refundId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE ref_id = ? AND kind = 'ORDER_REFUNDED'",
                Integer.class, refundId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE member_id = ? "
                + "AND bucket = 'PENDING'", Long.class, member.id())).isZero();
    }

    @Test
    void aFullRefundOfSpentPointsTakesWhatIsLeftRecordsTheShortfallAndLowersTheLevel() {
        long orderId = IdWorker.getId();
        publish(new OrderPaid(orderId, member.id(), List.of(LINE), 60_000, "MOCK", Instant.now())); // V0 → V1
        publish(new OrderCompleted(orderId, member.id(), List.of(LINE), 60_000, Instant.now()));
        awaitPoints(600, 0);
        assertThat(level()).isEqualTo("V1");
        MallHttp.Response spent = api.http.post("/admin/v1/members/" + member.id() + "/points-adjustments",
                Map.of("delta", -550, "reason", "spent on another order"), api.adminToken());
        assertThat(spent.status()).as(spent.toString()).isEqualTo(201);

        long refundId = IdWorker.getId();
        publish(new OrderRefunded(orderId, member.id(), refundId, List.of(LINE), 60_000, "MOCK"));
        await().atMost(WAIT).until(() -> growth() == 0);
        awaitPoints(0, 0);
        assertThat(level()).isEqualTo("V0");
        Map<String, Object> row = jdbc.queryForMap("SELECT points_reversed, points_shortfall, growth_reversed FROM "
                + "order_refund WHERE refund_id = ?", refundId);
        assertThat(row).containsEntry("points_reversed", 50L).containsEntry("points_shortfall", 550L)
                .containsEntry("growth_reversed", 600L);
        EventEnvelope changed = memberEvents.await(e -> e.eventType().equals("MemberLevelChanged")
                && e.aggregateId().equals(String.valueOf(member.id()))
                && e.payload().path("toLevel").asString().equals("V0"), WAIT, "V1 → V0");
        assertThat(changed.payload().path("fromLevel").asString()).isEqualTo("V1");
    }

    private EventEnvelope envelope(Object payload) {
        return EventCollector.envelope("Order", member.id(), payload);
    }

    /** Keyed by the member id, so one test's events stay in order on one partition. */
    private void publish(Object payload) {
        publish(envelope(payload));
    }

    private static void publish(EventEnvelope envelope) {
        EventCollector.publish(Topics.ORDER, envelope);
    }

    private long growth() {
        return api.http.get("/api/v1/members/me/level", member.token()).number("growth");
    }

    private String level() {
        return api.http.get("/api/v1/members/me/level", member.token()).text("level");
    }

    private void awaitPoints(long available, long pending) {
        await().atMost(WAIT).untilAsserted(() -> {
            MallHttp.Response points = api.http.get("/api/v1/members/me/points", member.token());
            assertThat(points.number("pending")).as(points.toString()).isEqualTo(pending);
            assertThat(points.number("available")).as(points.toString()).isEqualTo(available);
        });
    }
}
