package com.siyu.mall.member.wallet;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MemberApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@MallIntegrationTest
class WalletIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static EventCollector memberEvents;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MemberApi api;
    MallHttp http;
    WalletSteps wallet;
    MemberApi.LoggedIn member;
    String admin;

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
    }

    @Test
    void aPlanRechargeCreditsPrincipalAndBonusOnlyOnTheSignedNotificationAndOnce() {
        String planId = createPlan("充500送50", 50_000, 5_000).text("id");
        String key = UUID.randomUUID().toString();
        MallHttp.Response recharge = recharge(member, Map.of("planId", planId), key);
        assertThat(recharge.status()).as(recharge.toString()).isEqualTo(202);
        assertThat(recharge.number("amountFen")).isEqualTo(50_000);
        assertThat(recharge.number("bonusFen")).isEqualTo(5_000);
        String rechargeId = recharge.text("rechargeId");

        // the mock provider calls back by itself
        await().atMost(WAIT).until(() -> wallet(member).number("balanceFen") == 55_000);
        MallHttp.Response w = wallet(member);
        assertThat(w.number("principalFen")).isEqualTo(50_000);
        assertThat(w.number("bonusFen")).isEqualTo(5_000);
        EventEnvelope recharged = memberEvents.await(e -> e.eventType().equals("WalletRecharged")
                && e.payload().path("rechargeId").asString().equals(rechargeId), WAIT, "WalletRecharged");
        assertThat(recharged.payload().path("balanceFen").asLong()).isEqualTo(55_000);

        MallHttp.Response again = recharge(member, Map.of("amountFen", 1), key);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("rechargeId")).as("a repeated key returns the first recharge").isEqualTo(rechargeId);
        assertThat(again.text("status")).isEqualTo("CREDITED");

        MallHttp.Response duplicate = wallet.notifyPaid(recharge.text("paymentNo"), Long.parseLong(rechargeId), 50_000);
        assertThat(duplicate.status()).as("a duplicate is acknowledged").isEqualTo(200);
        assertThat(wallet(member).number("balanceFen")).isEqualTo(55_000);
        assertThat(count("SELECT COUNT(*) FROM wallet_recharge WHERE member_id = ?")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM wallet_ledger WHERE member_id = ?")).isEqualTo(1);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> memberEvents.all(e ->
                e.eventType().equals("WalletRecharged") && e.aggregateId().equals(String.valueOf(member.id()))).size() == 1);
    }

    @Test
    void forgedStaleMismatchedOrUnknownNotificationsChangeNothing() {
        long id = wallet.pendingRecharge(member.id(), 2_000, 0);
        String good = wallet.signed("R" + id, id, 2_000);
        JsonNode parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(good);
        Map<String, Object> forged = new HashMap<>();
        parsed.properties().forEach(e -> forged.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asLong()
                : e.getValue().asString()));
        forged.put("signature", "0".repeat(64));
        assertProblem(http.post(WalletSteps.NOTIFY, MallHttp.json(forged), null), 400, "PAYMENT_SIGNATURE_INVALID");
        forged.put("amountFen", 200_000);
        assertProblem(http.post(WalletSteps.NOTIFY, MallHttp.json(forged), null), 400, "PAYMENT_SIGNATURE_INVALID");
        assertProblem(wallet.notifyPaid("R" + id, id, 1), 400, "PAYMENT_AMOUNT_MISMATCH");
        assertProblem(wallet.notifyPaid("R" + (id + 1), id + 1, 2_000), 404, "PAYMENT_NOT_FOUND");
        assertProblem(wallet.notifyPaid("X" + id, id, 2_000), 404, "PAYMENT_NOT_FOUND");
        assertProblem(http.post(WalletSteps.NOTIFY, "{not json", null), 400, "PAYMENT_NOTIFY_MALFORMED");
        assertProblem(http.post("/api/v1/wallet/payments/notify/alipay", good, null), 404, "PAYMENT_CHANNEL_UNSUPPORTED");
        assertThat(wallet(member).number("balanceFen")).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM wallet_recharge WHERE id = ?", String.class, id))
                .isEqualTo("PENDING");

        assertThat(http.post(WalletSteps.NOTIFY, good, null).status()).isEqualTo(200);
        assertThat(http.post(WalletSteps.NOTIFY, good, null).status()).isEqualTo(200);
        assertThat(wallet(member).number("balanceFen")).isEqualTo(2_000);
    }

    @Test
    void hundredConcurrentOneYuanDebitsOnFiftyYuanLetExactlyFiftyThrough() throws Exception {
        wallet.credit(member.id(), 4_000, 1_000);
        long firstOrder = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<MallHttp.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long orderId = firstOrder + i;
            futures.add(pool.submit(() -> debit(member, member.id(), orderId, 100)));
        }
        List<MallHttp.Response> answers = new ArrayList<>();
        for (Future<MallHttp.Response> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(50);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(50)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("WALLET_INSUFFICIENT"));
        MallHttp.Response w = wallet(member);
        assertThat(w.number("balanceFen")).isZero();
        assertThat(w.number("principalFen")).isZero();
        assertThat(w.number("bonusFen")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wallet_debit WHERE member_id = ?")).isEqualTo(50);
        assertThat(count("SELECT COALESCE(SUM(principal_fen + bonus_fen), 0) FROM wallet_debit WHERE member_id = ?"))
                .isEqualTo(5_000);
        assertThat(count("SELECT SUM(principal_delta) FROM wallet_ledger WHERE member_id = ?")).isZero();
        assertThat(count("SELECT SUM(bonus_delta) FROM wallet_ledger WHERE member_id = ?")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wallet_ledger WHERE member_id = ? AND kind = 'DEBIT'")).isEqualTo(50);
    }

    @Test
    void aDebitIsOncePerOrder() {
        wallet.credit(member.id(), 1_000, 0);
        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        MallHttp.Response first = debit(member, member.id(), orderId, 300);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.number("balanceFen")).isEqualTo(700);
        MallHttp.Response again = debit(member, member.id(), orderId, 300);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertProblem(debit(member, member.id(), orderId, 301), 409, "WALLET_DEBIT_CONFLICT");
        MemberApi.LoggedIn other = api.newMember();
        wallet.credit(other.id(), 1_000, 0);
        assertProblem(debit(other, other.id(), orderId, 300), 409, "WALLET_DEBIT_CONFLICT");
        assertProblem(debit(other, member.id(), orderId + 1, 300), 404, "MEMBER_NOT_FOUND");
        assertProblem(debit(member, member.id(), orderId + 1, 701), 409, "WALLET_INSUFFICIENT");
        assertThat(wallet(member).number("balanceFen")).isEqualTo(700);
        assertThat(wallet(other).number("balanceFen")).isEqualTo(1_000);
    }

    @Test
    void refundsRestoreTheDebitsProportionOncePerRefundAndNeverMoreThanWasDebited() {
        wallet.credit(member.id(), 1_000, 100);
        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        MallHttp.Response debit = debit(member, member.id(), orderId, 550);
        assertThat(debit.number("principalFen")).isEqualTo(500);
        assertThat(debit.number("bonusFen")).isEqualTo(50);

        long refundId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        MallHttp.Response refund = refund(admin, member.id(), orderId, refundId, 300);
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(refund.number("bonusFen")).isEqualTo(27); // floor(300 × 50 / 550)
        assertThat(refund.number("principalFen")).isEqualTo(273);
        assertThat(refund(admin, member.id(), orderId, refundId, 300).raw()).isEqualTo(refund.raw());
        assertProblem(refund(admin, member.id(), orderId, refundId, 200), 409, "WALLET_REFUND_CONFLICT");
        assertProblem(refund(admin, member.id(), orderId, refundId + 1, 251), 409, "WALLET_REFUND_EXCEEDS_DEBIT");
        assertProblem(refund(admin, member.id(), orderId + 1, refundId + 1, 1), 404, "WALLET_DEBIT_NOT_FOUND");
        assertProblem(refund(member.token(), member.id(), orderId, refundId + 1, 1), 403, "FORBIDDEN");
        assertThat(refund(admin, member.id(), orderId, refundId + 1, 250).status()).isEqualTo(200);

        MallHttp.Response w = wallet(member);
        assertThat(w.number("principalFen")).isEqualTo(1_000);
        assertThat(w.number("bonusFen")).isEqualTo(100);
        assertThat(count("SELECT SUM(principal_delta + bonus_delta) FROM wallet_ledger WHERE member_id = ?"))
                .isEqualTo(1_100);
    }

    @Test
    void transactionsAreListedNewestFirstByCursor() {
        wallet.credit(member.id(), 1_000, 0);
        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        for (int i = 0; i < 3; i++) {
            assertThat(debit(member, member.id(), orderId + i, 100).status()).isEqualTo(200);
        }
        MallHttp.Response page1 = http.get("/api/v1/wallet/transactions?limit=3", member.token());
        assertThat(page1.status()).as(page1.toString()).isEqualTo(200);
        JsonNode items = page1.body().path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("kind").asString()).isEqualTo("DEBIT");
        assertThat(items.get(0).path("amountFen").asLong()).isEqualTo(-100);
        assertThat(items.get(0).path("balanceFen").asLong()).isEqualTo(700);
        MallHttp.Response page2 = http.get("/api/v1/wallet/transactions?limit=3&cursor=" + page1.text("nextCursor"),
                member.token());
        assertThat(page2.body().path("items")).hasSize(1);
        assertThat(page2.body().path("items").get(0).path("kind").asString()).isEqualTo("RECHARGE");
        assertThat(page2.body().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void badInputIsA4xxProblemAndChangesNothing() {
        String planId = createPlan("充100", 10_000, 0).text("id");
        String t = member.token();
        assertProblem(http.post("/api/v1/wallet/recharges", Map.of("planId", planId), t), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertProblem(recharge(member, Map.of("planId", planId, "amountFen", 100), "k1"), 400, "RECHARGE_AMOUNT_INVALID");
        assertProblem(recharge(member, Map.of(), "k2"), 400, "RECHARGE_AMOUNT_INVALID");
        assertProblem(recharge(member, Map.of("amountFen", 0), "k3"), 400, "VALIDATION_FAILED");
        assertProblem(recharge(member, Map.of("amountFen", 5_000_001), "k4"), 400, "VALIDATION_FAILED");
        assertProblem(recharge(member, Map.of("amountFen", "lots"), "k5"), 400, "MALFORMED_REQUEST");
        assertProblem(recharge(member, Map.of("amountFen", 100, "channel", "ALIPAY"), "k6"), 400,
                "PAYMENT_CHANNEL_UNSUPPORTED");
        assertProblem(recharge(member, Map.of("planId", "123"), "k7"), 404, "RECHARGE_PLAN_NOT_FOUND");
        assertProblem(http.post("/api/v1/wallet/recharges", Map.of("amountFen", 100), admin,
                Map.of("Idempotency-Key", "k8")), 403, "FORBIDDEN");
        assertProblem(http.get("/api/v1/wallet", null), 401, "UNAUTHORIZED");
        assertProblem(http.get("/api/v1/wallet/transactions?limit=0", t), 400, "VALIDATION_FAILED");
        assertProblem(http.get("/api/v1/wallet/transactions?cursor=abc", t), 400, "CURSOR_INVALID");
        assertThat(count("SELECT COUNT(*) FROM wallet_recharge WHERE member_id = ?")).isZero();

        assertProblem(http.post("/admin/v1/wallet/recharge-plans", Map.of("name", "x", "payFen", -1, "bonusFen", 0,
                "enabled", true), admin), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/admin/v1/wallet/recharge-plans", Map.of("name", "", "payFen", 100, "bonusFen", 0,
                "enabled", true), admin), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/admin/v1/wallet/recharge-plans", Map.of("name", "x", "payFen", 100, "bonusFen", 0,
                "enabled", true), t), 403, "FORBIDDEN");
        assertProblem(api.put("/admin/v1/wallet/recharge-plans/1", Map.of("name", "x", "payFen", 100, "bonusFen", 0,
                "enabled", true), admin), 404, "RECHARGE_PLAN_NOT_FOUND");
        assertProblem(api.delete("/admin/v1/wallet/recharge-plans/1", admin), 404, "RECHARGE_PLAN_NOT_FOUND");

        assertProblem(http.post("/internal/wallet/debits", Map.of("memberId", member.id(), "orderId", 1), t), 400,
                "VALIDATION_FAILED");
        assertProblem(debit(member, member.id(), 1, 0), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/internal/wallet/debits", "{", t), 400, "MALFORMED_REQUEST");
        assertProblem(http.post("/internal/wallet/refunds", Map.of("memberId", member.id(), "orderId", 1,
                "amountFen", 1), admin), 400, "VALIDATION_FAILED");
        // only the paying member's own token (forwarded by order-service) may debit: an operator token moves no money
        assertProblem(debit(admin, member.id(), 1, 1), 403, "FORBIDDEN");
        assertThat(count("SELECT COUNT(*) FROM wallet_ledger WHERE member_id = ?")).isZero();
    }

    @Test
    void operatorsEditAndRemoveRechargePlansAndMembersSeeTheEnabledOnes() {
        MallHttp.Response plan = createPlan("充200送10", 20_000, 1_000);
        assertThat(plan.status()).isEqualTo(201);
        String id = plan.text("id");
        MallHttp.Response edited = api.put("/admin/v1/wallet/recharge-plans/" + id, Map.of("name", "充200送20",
                "payFen", 20_000, "bonusFen", 2_000, "enabled", false), admin);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.number("bonusFen")).isEqualTo(2_000);
        assertThat(http.get("/api/v1/wallet/recharge-plans", member.token()).raw()).doesNotContain(id);
        assertProblem(recharge(member, Map.of("planId", id), "disabled"), 404, "RECHARGE_PLAN_NOT_FOUND");
        assertThat(http.get("/admin/v1/wallet/recharge-plans", admin).raw()).contains(id);
        assertThat(api.delete("/admin/v1/wallet/recharge-plans/" + id, admin).status()).isEqualTo(204);
        assertThat(http.get("/admin/v1/wallet/recharge-plans", admin).raw()).doesNotContain(id);
    }

    // ---- steps

    private MallHttp.Response createPlan(String name, long payFen, long bonusFen) {
        MallHttp.Response plan = http.post("/admin/v1/wallet/recharge-plans", Map.of("name", name, "payFen", payFen,
                "bonusFen", bonusFen, "enabled", true), admin);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        return plan;
    }

    private MallHttp.Response recharge(MemberApi.LoggedIn m, Object body, String key) {
        return http.post("/api/v1/wallet/recharges", body, m.token(), Map.of("Idempotency-Key", key));
    }

    private MallHttp.Response wallet(MemberApi.LoggedIn m) {
        MallHttp.Response w = http.get("/api/v1/wallet", m.token());
        assertThat(w.status()).as(w.toString()).isEqualTo(200);
        return w;
    }

    private MallHttp.Response debit(MemberApi.LoggedIn caller, long memberId, long orderId, long amountFen) {
        return debit(caller.token(), memberId, orderId, amountFen);
    }

    private MallHttp.Response debit(String token, long memberId, long orderId, long amountFen) {
        return http.post("/internal/wallet/debits", Map.of("memberId", memberId, "orderId", orderId, "amountFen",
                amountFen), token);
    }

    private MallHttp.Response refund(String token, long memberId, long orderId, long refundId, long amountFen) {
        return http.post("/internal/wallet/refunds", Map.of("memberId", memberId, "orderId", orderId, "refundId",
                refundId, "amountFen", amountFen), token);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class, member.id());
        return n == null ? 0 : n;
    }
}
