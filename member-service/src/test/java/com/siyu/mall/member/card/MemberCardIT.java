package com.siyu.mall.member.card;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import com.siyu.mall.member.MemberApi;
import com.siyu.mall.member.wallet.WalletSteps;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class MemberCardIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static EventCollector memberEvents;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CardExpiryJob expiryJob;

    MemberApi api;
    MallHttp http;
    WalletSteps wallet;
    MemberApi.LoggedIn member;
    String admin;
    String monthly;

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
        http = api.http;
        wallet = new WalletSteps(http, context);
        member = api.newMember();
        admin = api.adminToken();
        monthly = createPlan(plan("M" + suffix(), 1_900, 30, "2.00")).text("id");
    }

    @Test
    void aWalletPurchaseActivatesAtOnceAndARenewalExtendsFromTheExpiry() {
        wallet.credit(member.id(), 5_000, 0);
        Instant before = Instant.now();
        MallHttp.Response bought = purchase(member, monthly, "WALLET", UUID.randomUUID().toString());
        assertThat(bought.status()).as(bought.toString()).isEqualTo(202);
        assertThat(bought.text("status")).isEqualTo("ACTIVATED");
        Instant firstExpiry = Instant.parse(bought.text("expiresAt"));
        assertThat(firstExpiry).isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));

        MallHttp.Response card = http.get("/api/v1/members/me/card", member.token());
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        assertThat(card.text("status")).isEqualTo("ACTIVE");
        assertThat(card.body().path("benefits").path("pointsMultiplier").decimalValue()).isEqualByComparingTo("2.00");
        EventEnvelope activated = memberEvents.await(e -> e.eventType().equals("MemberCardActivated")
                && e.payload().path("purchaseId").asString().equals(bought.text("purchaseId")), WAIT, "activated");
        assertThat(activated.payload().path("renewal").asBoolean()).isFalse();
        assertThat(activated.payload().path("channel").asString()).isEqualTo("WALLET");

        String key = UUID.randomUUID().toString();
        MallHttp.Response renewed = purchase(member, monthly, "WALLET", key);
        assertThat(Instant.parse(renewed.text("expiresAt"))).isEqualTo(firstExpiry.plus(Duration.ofDays(30)));
        assertThat(purchase(member, monthly, "WALLET", key).text("purchaseId")).as("a repeated key buys nothing")
                .isEqualTo(renewed.text("purchaseId"));
        assertThat(memberEvents.await(e -> e.eventType().equals("MemberCardActivated")
                && e.payload().path("purchaseId").asString().equals(renewed.text("purchaseId")), WAIT, "renewed")
                .payload().path("renewal").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/wallet", member.token()).number("balanceFen")).isEqualTo(5_000 - 2 * 1_900);
    }

    @Test
    void anInsufficientWalletBuysNothing() {
        wallet.credit(member.id(), 1_899, 0);
        assertProblem(purchase(member, monthly, "WALLET", "k"), 409, "WALLET_INSUFFICIENT");
        assertThat(http.get("/api/v1/members/me/card", member.token()).text("status")).isEqualTo("NONE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM card_purchase WHERE member_id = ?", Integer.class,
                member.id())).isZero();
        assertThat(http.get("/api/v1/wallet", member.token()).number("balanceFen")).isEqualTo(1_899);
    }

    @Test
    void aMockPurchaseActivatesOnTheSignedNotification() {
        MallHttp.Response bought = purchase(member, monthly, "MOCK", UUID.randomUUID().toString());
        assertThat(bought.status()).as(bought.toString()).isEqualTo(202);
        assertThat(bought.text("status")).isEqualTo("PENDING");
        await().atMost(WAIT).until(() -> "ACTIVE".equals(http.get("/api/v1/members/me/card", member.token())
                .text("status")));
        long id = Long.parseLong(bought.text("purchaseId"));
        assertThat(wallet.notifyPaid(bought.text("paymentNo"), id, 1_900).status()).isEqualTo(200);
        assertProblem(wallet.notifyPaid(bought.text("paymentNo"), id, 1_800), 400, "PAYMENT_AMOUNT_MISMATCH");
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> memberEvents.all(e ->
                e.eventType().equals("MemberCardActivated") && e.aggregateId().equals(String.valueOf(member.id())))
                .size() == 1);
    }

    @Test
    void theExpiryJobExpiresRunOutCardsOnceWithAnEvent() {
        wallet.credit(member.id(), 1_900, 0);
        assertThat(purchase(member, monthly, "WALLET", "k").status()).isEqualTo(202);
        jdbc.update("UPDATE member_card SET started_at = ?, expires_at = ? WHERE member_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(31))), Timestamp.from(Instant.now().minusSeconds(60)),
                member.id());
        assertThat(expiryJob.run(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(http.get("/api/v1/members/me/card", member.token()).text("status")).isEqualTo("EXPIRED");
        expiryJob.run(Instant.now());
        memberEvents.await("MemberCardExpired", member.id(), WAIT);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> memberEvents.all(e ->
                e.eventType().equals("MemberCardExpired") && e.aggregateId().equals(String.valueOf(member.id())))
                .size() == 1);
        MallHttp.Response benefits = http.get("/internal/members/" + member.id() + "/benefits", admin);
        assertThat(benefits.body().path("cardPlanCode").isNull()).isTrue();

        wallet.credit(member.id(), 1_900, 0);
        MallHttp.Response again = purchase(member, monthly, "WALLET", "k2");
        assertThat(Instant.parse(again.text("expiresAt"))).as("bought after expiry: runs from now")
                .isBefore(Instant.now().plus(Duration.ofDays(30)).plusSeconds(5));
    }

    @Test
    void benefitsCombineTheLevelAndTheCardInForce() {
        MallHttp.Response plain = http.get("/internal/members/" + member.id() + "/benefits", admin);
        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        assertThat(plain.text("levelCode")).isEqualTo("V0");
        assertThat(plain.body().path("pointsMultiplier").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(plain.body().path("cardPlanCode").isNull()).isTrue();
        assertThat(plain.body().path("freeShipping").asBoolean()).isFalse();
        assertThat(plain.text("lifecycle")).isEqualTo("NEW");

        jdbc.update("INSERT INTO member_growth (member_id, growth, updated_at) VALUES (?, 2000, NOW(3))", member.id());
        wallet.credit(member.id(), 1_900, 0);
        assertThat(purchase(member, monthly, "WALLET", "k").status()).isEqualTo(202);
        MallHttp.Response b = http.get("/internal/members/" + member.id() + "/benefits", member.token());
        assertThat(b.status()).as(b.toString()).isEqualTo(200);
        assertThat(b.text("levelCode")).isEqualTo("V2");
        assertThat(b.number("levelDiscountPercent")).isEqualTo(5);
        assertThat(b.number("cardDiscountPercent")).isEqualTo(3);
        assertThat(b.text("cardPlanCode")).startsWith("M");
        assertThat(b.text("cardExpiresAt")).isNotBlank();
        assertThat(b.body().path("pointsMultiplier").decimalValue()).isEqualByComparingTo("2.40"); // 1.20 × 2.00
        assertThat(b.body().path("freeShipping").asBoolean()).isTrue();

        MemberApi.LoggedIn other = api.newMember();
        assertProblem(http.get("/internal/members/" + member.id() + "/benefits", other.token()), 404, "MEMBER_NOT_FOUND");
        assertProblem(http.get("/internal/members/1/benefits", admin), 404, "MEMBER_NOT_FOUND");
        assertProblem(http.get("/internal/members/abc/benefits", admin), 400, "PARAMETER_INVALID");
    }

    @Test
    void pointsForAPaidOrderUseTheLevelTimesTheCardMultiplier() {
        wallet.credit(member.id(), 1_900, 0);
        assertThat(purchase(member, monthly, "WALLET", "k").status()).isEqualTo(202);
        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", member.id(), new OrderPaid(orderId,
                member.id(), List.of(new OrderLine(1L, 1L, 1, 10_000)), 10_000, "WALLET", Instant.now())));
        await().atMost(WAIT).until(() -> http.get("/api/v1/members/me/points", member.token()).number("pending") == 200);
    }

    @Test
    void operatorsManagePlansAndBadInputIsA4xxProblemThatChangesNothing() {
        Map<String, Object> body = plan("Y" + suffix(), 16_800, 365, "1.50");
        assertThat(createPlan(body).status()).isEqualTo(201);
        assertProblem(http.post("/admin/v1/member-cards/plans", body, admin), 409, "CARD_PLAN_EXISTS");
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("code", "lower", "priceFen", 0, "durationDays", 0,
                "discountPercent", 51, "pointsMultiplier", "0.50", "monthlyCoupons", -1).entrySet()) {
            Map<String, Object> b = new HashMap<>(plan("Z" + suffix(), 100, 1, "1.00"));
            b.put(bad.getKey(), bad.getValue());
            assertProblem(http.post("/admin/v1/member-cards/plans", b, admin), 400, "VALIDATION_FAILED");
        }
        assertProblem(http.post("/admin/v1/member-cards/plans", plan("Q" + suffix(), 100, 1, "1.00"), member.token()),
                403, "FORBIDDEN");
        assertProblem(api.put("/admin/v1/member-cards/plans/1", plan("Q" + suffix(), 100, 1, "1.00"), admin), 404,
                "CARD_PLAN_NOT_FOUND");

        assertProblem(http.post("/api/v1/member-cards/purchases", Map.of("planId", monthly, "channel", "WALLET"),
                member.token()), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertProblem(purchase(member, monthly, "CASH", "a"), 400, "PAYMENT_CHANNEL_UNSUPPORTED");
        assertProblem(purchase(member, "1", "WALLET", "b"), 404, "CARD_PLAN_NOT_FOUND");
        assertProblem(http.post("/api/v1/member-cards/purchases", Map.of("channel", "WALLET"), member.token(),
                Map.of("Idempotency-Key", "c")), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/member-cards/purchases", "{", member.token(), Map.of("Idempotency-Key", "d")),
                400, "MALFORMED_REQUEST");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM card_purchase WHERE member_id = ?", Integer.class,
                member.id())).isZero();

        wallet.credit(member.id(), 1_900, 0);
        assertThat(purchase(member, monthly, "WALLET", "e").status()).isEqualTo(202);
        assertProblem(api.delete("/admin/v1/member-cards/plans/" + monthly, admin), 409, "CARD_PLAN_IN_USE");
        Map<String, Object> disabled = new HashMap<>(plan("M" + suffix(), 1_900, 30, "2.00"));
        disabled.put("enabled", false);
        assertThat(api.put("/admin/v1/member-cards/plans/" + monthly, disabled, admin).status()).isEqualTo(200);
        assertProblem(purchase(member, monthly, "WALLET", "f"), 404, "CARD_PLAN_NOT_FOUND");
        assertThat(http.get("/api/v1/members/me/card", member.token()).text("status")).as("bought cards stay")
                .isEqualTo("ACTIVE");
    }

    // ---- steps

    private static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private static Map<String, Object> plan(String code, long priceFen, int days, String multiplier) {
        return Map.of("code", code, "name", "会员卡" + days, "priceFen", priceFen, "durationDays", days,
                "discountPercent", 3, "pointsMultiplier", multiplier, "freeShipping", true, "monthlyCoupons", 2,
                "enabled", true);
    }

    private MallHttp.Response createPlan(Map<String, Object> body) {
        MallHttp.Response plan = http.post("/admin/v1/member-cards/plans", body, admin);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        return plan;
    }

    private MallHttp.Response purchase(MemberApi.LoggedIn m, String planId, String channel, String key) {
        return http.post("/api/v1/member-cards/purchases", Map.of("planId", planId, "channel", channel), m.token(),
                Map.of("Idempotency-Key", key));
    }
}
