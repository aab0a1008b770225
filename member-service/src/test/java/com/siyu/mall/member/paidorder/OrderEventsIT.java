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
import com.siyu.mall.member.MemberApi;
import com.siyu.mall.member.lifecycle.LifecycleJob;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class OrderEventsIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static EventCollector memberEvents;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LifecycleJob lifecycleJob;

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
    void aPaidOrderAddsGrowthPendingPointsAndTheFirstOrderStage() {
        long orderId = IdWorker.getId();
        paid(member, orderId, 60_099); // ¥600.99: 600 growth, 600 points at V0's ×1.00

        awaitPoints(member, 0, 600);
        MallHttp.Response level = api.http.get("/api/v1/members/me/level", member.token());
        assertThat(level.number("growth")).isEqualTo(600);
        assertThat(level.text("level")).isEqualTo("V1");
        MallHttp.Response me = api.http.get("/api/v1/members/me", member.token());
        assertThat(me.text("level")).isEqualTo("V1");
        assertThat(me.text("lifecycle")).isEqualTo("FIRST_ORDER");

        EventEnvelope levelChanged = memberEvents.await("MemberLevelChanged", member.id(), WAIT);
        assertThat(levelChanged.payload().path("fromLevel").asString()).isEqualTo("V0");
        assertThat(levelChanged.payload().path("toLevel").asString()).isEqualTo("V1");
        assertThat(levelChanged.payload().path("memberId").asLong()).isEqualTo(member.id());
        EventEnvelope stageChanged = memberEvents.await("MemberLifecycleChanged", member.id(), WAIT);
        assertThat(stageChanged.payload().path("from").asString()).isEqualTo("NEW");
        assertThat(stageChanged.payload().path("to").asString()).isEqualTo("FIRST_ORDER");
    }

    @Test
    void aRedeliveredOrRepublishedOrderPaidAppliesOnce() {
        long orderId = IdWorker.getId();
        EventEnvelope envelope = EventCollector.envelope("Order", member.id(), orderPaid(member, orderId, 30_000));
        EventCollector.publish(Topics.ORDER, envelope);
        EventCollector.publish(Topics.ORDER, envelope);
        paid(member, orderId, 30_000); // the same order under a new event id
        long marker = IdWorker.getId();
        paid(member, marker, 100); // same key order: processed after the three above

        awaitPoints(member, 0, 301);
        assertThat(api.http.get("/api/v1/members/me/level", member.token()).number("growth")).isEqualTo(301);
        assertThat(api.http.get("/api/v1/members/me", member.token()).text("lifecycle")).isEqualTo("REPEAT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM paid_order WHERE member_id = ?", Integer.class, member.id()))
                .isEqualTo(2);
    }

    @Test
    void orderCompletedMakesThatOrdersPendingPointsAvailableUntilTheEndOfNextYear() {
        long first = IdWorker.getId();
        long second = IdWorker.getId();
        paid(member, first, 10_000);
        paid(member, second, 25_000);
        awaitPoints(member, 0, 350);

        Instant completedAt = Instant.parse("2026-11-20T08:00:00Z");
        EventEnvelope completed = EventCollector.envelope("Order", first,
                new OrderCompleted(first, member.id(), List.of(line()), 10_000, completedAt));
        EventCollector.publish(Topics.ORDER, completed);
        EventCollector.publish(Topics.ORDER, completed);
        awaitPoints(member, 100, 250);

        Timestamp expires = jdbc.queryForObject("SELECT expires_at FROM points_ledger WHERE member_id = ? AND ref_id = ? "
                + "AND bucket = 'AVAILABLE'", Timestamp.class, member.id(), first);
        assertThat(expires.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime())
                .hasToString("2028-01-01T00:00");
        Long pendingForFirst = jdbc.queryForObject("SELECT SUM(delta) FROM points_ledger WHERE ref_id = ? AND bucket = 'PENDING'",
                Long.class, first);
        assertThat(pendingForFirst).isZero();
    }

    @Test
    void pointsUseTheMultiplierOfTheLevelHeldWhenPaying() {
        paid(member, IdWorker.getId(), 50_000); // ¥500 at V0 ×1.00 → V1
        awaitPoints(member, 0, 500);
        paid(member, IdWorker.getId(), 10_000); // ¥100 at V1 ×1.10
        awaitPoints(member, 0, 610);
    }

    @Test
    void twoThousandYuanWithin180DaysMakesAMemberLoyal() {
        paid(member, IdWorker.getId(), 200_000);
        await().atMost(WAIT).until(() -> "LOYAL".equals(stage(member)));
        assertThat(memberEvents.await(e -> e.eventType().equals("MemberLifecycleChanged")
                && e.aggregateId().equals(String.valueOf(member.id())), WAIT, "NEW → LOYAL")
                .payload().path("to").asString()).isEqualTo("LOYAL");
    }

    @Test
    void theDailyJobMakesAMemberWithoutAPaidOrderFor90DaysDormant() {
        paid(member, IdWorker.getId(), 5_000);
        await().atMost(WAIT).until(() -> "FIRST_ORDER".equals(stage(member)));

        lifecycleJob.run(Instant.now().plus(Duration.ofDays(89)));
        assertThat(stage(member)).isEqualTo("FIRST_ORDER");

        lifecycleJob.run(Instant.now().plus(Duration.ofDays(91)));
        assertThat(stage(member)).isEqualTo("DORMANT");
        memberEvents.await(e -> e.eventType().equals("MemberLifecycleChanged")
                && e.aggregateId().equals(String.valueOf(member.id()))
                && e.payload().path("to").asString().equals("DORMANT"), WAIT, "FIRST_ORDER → DORMANT");

        lifecycleJob.run(Instant.now().plus(Duration.ofDays(92)));
        assertThat(memberEvents.all(e -> e.eventType().equals("MemberLifecycleChanged")
                && e.aggregateId().equals(String.valueOf(member.id()))
                && e.payload().path("to").asString().equals("DORMANT"))).as("an unchanged stage emits nothing").hasSize(1);

        paid(member, IdWorker.getId(), 5_000);
        await().atMost(WAIT).until(() -> "REPEAT".equals(stage(member)));
    }

    // ---- steps

    private static OrderLine line() {
        return new OrderLine(1L, 1L, 1, 100);
    }

    private static OrderPaid orderPaid(MemberApi.LoggedIn m, long orderId, long payableFen) {
        return new OrderPaid(orderId, m.id(), List.of(line()), payableFen, "MOCK", Instant.now());
    }

    /** Keyed by the member id, so one test's events stay in order on one partition. */
    private static void paid(MemberApi.LoggedIn m, long orderId, long payableFen) {
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", m.id(), orderPaid(m, orderId, payableFen)));
    }

    private String stage(MemberApi.LoggedIn m) {
        return api.http.get("/api/v1/members/me", m.token()).text("lifecycle");
    }

    private void awaitPoints(MemberApi.LoggedIn m, long available, long pending) {
        await().atMost(WAIT).untilAsserted(() -> {
            MallHttp.Response points = api.http.get("/api/v1/members/me/points", m.token());
            assertThat(points.number("pending")).as(points.toString()).isEqualTo(pending);
            assertThat(points.number("available")).as(points.toString()).isEqualTo(available);
        });
    }
}
