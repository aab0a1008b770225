package com.siyu.mall.local;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: the real gateway and the five real services as separate JVMs, a real database and broker, and
 * every call through the gateway as a mini-program would make it.
 */
class JourneyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger PHONES = new AtomicInteger();
    private static ServiceProcesses services;
    private static MallClient mall;
    private static String admin;

    @BeforeAll
    static void startStack() throws Exception {
        services = new ServiceProcesses().start(Map.of(
                "MALL_SMS_FIXED_CODE", "123456",
                "MALL_ADMIN_PASSWORD", "e2e-admin-pw",
                "MALL_ORDER_PAYMENT_TIMEOUT", "PT5S",
                "MALL_ORDER_TIMEOUT_SWEEP_INTERVAL", "PT0.5S",
                "MALL_PAYMENT_MOCK_DELAY", "PT0.1S",
                "MALL_GATEWAY_RATE_LIMITS_ENABLED", "false",
                // member-service's own per-IP SMS and login limits: every journey logs in from this host
                "MALL_MEMBER_AUTH_EXEMPT_IPS", "127.0.0.1,0:0:0:0:0:0:0:1",
                "MALL_OUTBOX_POLL_INTERVAL", "100ms",
                // equal values switch the reach quiet hours off, so the journey passes at any time of day
                "MALL_MEMBER_REACH_QUIET_START", "00:00",
                "MALL_MEMBER_REACH_QUIET_END", "00:00"));
        services.awaitReady(Duration.ofMinutes(4));
        mall = new MallClient(services.url("gateway-service"));
        admin = mall.adminToken("admin", "e2e-admin-pw");
    }

    @AfterAll
    static void stopStack() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void memberOrdersPaysAndStockIsSold() {
        String sku = mall.createProduct(admin, "夏季新款碎花连衣裙", 19_900, 10);
        // Lucene search through the gateway: the index is refreshed right after the product's commit
        var listed = mall.http().get("/api/v1/products?q=" + java.net.URLEncoder.encode("碎花裙",
                java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items").get(0).path("title").asString()).isEqualTo("夏季新款碎花连衣裙");

        MallClient.Member member = newMember();
        var me = mall.http().get("/api/v1/members/me", member.token());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("phone")).contains("****");

        String orderId = mall.placeOrder(member.token(), sku, 2);
        var awaiting = mall.awaitOrder(member.token(), orderId, WAIT, "AWAITING_PAYMENT", "CANCELLED");
        assertThat(awaiting.text("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(awaiting.number("payableFen")).isEqualTo(39_800);
        assertThat(mall.stock(admin, sku)).containsExactly(8, 2, 0);

        var payment = mall.pay(member.token(), orderId);
        assertThat(payment.status()).as(payment.raw()).isEqualTo(202);
        var paid = mall.awaitOrder(member.token(), orderId, WAIT, "PAID");
        assertThat(paid.text("paidAt")).isNotBlank();
        awaitStock(sku, 8, 0, 2);

        // fan-out: promotion and distribution consumed OrderPaid
        for (String path : List.of("/admin/v1/promotions/paid-orders/", "/admin/v1/distribution/paid-orders/")) {
            var seen = mall.awaitResponse(() -> mall.http().get(path + orderId, admin), r -> r.status() == 200, WAIT,
                    path + orderId);
            assertThat(seen.number("payableFen")).isEqualTo(39_800);
        }
    }

    @Test
    void memberRechargesTheWalletPaysAnOrderFromItAndBuysACard() {
        var plan = mall.http().post("/admin/v1/wallet/recharge-plans", Map.of("name", "充500送50", "payFen", 50_000,
                "bonusFen", 5_000, "enabled", true), admin);
        assertThat(plan.status()).as(plan.raw()).isEqualTo(201);
        MallClient.Member member = newMember();
        var recharge = mall.http().post("/api/v1/wallet/recharges", Map.of("planId", plan.text("id")), member.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(recharge.status()).as(recharge.raw()).isEqualTo(202);
        // member-service's own mock provider calls back through its notify path
        mall.awaitResponse(() -> mall.http().get("/api/v1/wallet", member.token()),
                r -> r.number("balanceFen") == 55_000, WAIT, "the recharge to be credited");

        String sku = mall.createProduct(admin, "有机高山绿茶礼盒", 11_000, 10);
        String orderId = mall.placeOrder(member.token(), sku, 1);
        mall.awaitOrder(member.token(), orderId, WAIT, "AWAITING_PAYMENT");
        var payment = mall.http().post("/api/v1/orders/" + orderId + "/payments", Map.of("channel", "WALLET"),
                member.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(payment.status()).as(payment.raw()).isEqualTo(202);
        assertThat(payment.text("status")).isEqualTo("SUCCEEDED");
        assertThat(mall.order(member.token(), orderId).text("status")).isEqualTo("PAID");
        var wallet = mall.http().get("/api/v1/wallet", member.token());
        assertThat(wallet.number("balanceFen")).isEqualTo(44_000);
        assertThat(wallet.number("bonusFen")).isEqualTo(4_000); // 1/11 of the debit came from the bonus
        awaitStock(sku, 9, 0, 1);

        String other = mall.placeOrder(member.token(), sku, 5); // ¥550 > ¥440
        mall.awaitOrder(member.token(), other, WAIT, "AWAITING_PAYMENT");
        assertProblem(mall.http().post("/api/v1/orders/" + other + "/payments", Map.of("channel", "WALLET"),
                member.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString())), 409, "WALLET_INSUFFICIENT");
        assertThat(mall.order(member.token(), other).text("status")).isEqualTo("AWAITING_PAYMENT");

        String code = "E2E_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var card = mall.http().post("/admin/v1/member-cards/plans", Map.of("code", code, "name", "月卡",
                "priceFen", 1_900, "durationDays", 30, "discountPercent", 3, "pointsMultiplier", "2.00",
                "freeShipping", true, "monthlyCoupons", 2, "enabled", true), admin);
        assertThat(card.status()).as(card.raw()).isEqualTo(201);
        var bought = mall.http().post("/api/v1/member-cards/purchases", Map.of("planId", card.text("id"),
                "channel", "WALLET"), member.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(bought.status()).as(bought.raw()).isEqualTo(202);
        assertThat(mall.http().get("/api/v1/members/me/card", member.token()).text("status")).isEqualTo("ACTIVE");
        assertThat(mall.http().get("/api/v1/wallet", member.token()).number("balanceFen")).isEqualTo(42_100);
        assertThat(mall.http().get("/internal/wallet/debits", member.token()).status())
                .as("/internal/** is never routed").isIn(403, 404);
    }

    /** Issue 3's journey: wallet → paid orders → points pending then available → NEW, FIRST_ORDER, REPEAT → reach cap. */
    @Test
    void memberEarnsPointsOnCompletionMovesThroughLifecycleStagesAndTheReachCapHolds() {
        MallClient.Member member = newMember();
        assertThat(mall.http().get("/api/v1/members/me", member.token()).text("lifecycle")).isEqualTo("NEW");
        var recharge = mall.http().post("/api/v1/wallet/recharges", Map.of("amountFen", 50_000), member.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(recharge.status()).as(recharge.raw()).isEqualTo(202);
        mall.awaitResponse(() -> mall.http().get("/api/v1/wallet", member.token()),
                r -> r.number("balanceFen") == 50_000, WAIT, "the recharge to be credited");

        String sku = mall.createProduct(admin, "景德镇青花瓷茶具套装", 12_800, 10);
        String first = payFromWallet(member, sku);
        var pending = mall.awaitResponse(() -> mall.http().get("/api/v1/members/me/points", member.token()),
                r -> r.number("pending") == 128, WAIT, "128 pending points (¥128 × 1.00 at V0)");
        assertThat(pending.number("available")).isZero();
        awaitLifecycle(member, "FIRST_ORDER");

        var shipped = mall.http().post("/admin/v1/orders/" + first + "/shipments",
                Map.of("carrier", "SF", "trackingNo", "SF" + System.nanoTime()), admin);
        assertThat(shipped.status()).as(shipped.raw()).isEqualTo(200);
        var received = mall.http().post("/api/v1/orders/" + first + "/receipt", Map.of(), member.token());
        assertThat(received.text("status")).as(received.raw()).isEqualTo("COMPLETED");
        mall.awaitResponse(() -> mall.http().get("/api/v1/members/me/points", member.token()),
                r -> r.number("available") == 128 && r.number("pending") == 0, WAIT, "the points to become available");

        payFromWallet(member, sku);
        awaitLifecycle(member, "REPEAT");
        assertThat(mall.http().get("/api/v1/wallet", member.token()).number("balanceFen")).isEqualTo(50_000 - 2 * 12_800);

        var consent = mall.http().put("/api/v1/members/me/consents", Map.of("SMS", true), member.token());
        assertThat(consent.status()).as(consent.raw()).isEqualTo(200);
        // the reach gate is internal (never routed by the gateway): campaign senders call member-service itself
        MallHttp memberService = new MallHttp(services.url("member-service"));
        for (int campaign = 1; campaign <= 4; campaign++) {
            var permit = memberService.post("/internal/reach/permits", Map.of("memberId", Long.parseLong(member.memberId()),
                    "channel", "SMS", "campaignId", System.nanoTime()), admin);
            assertThat(permit.status()).as(permit.raw()).isEqualTo(200);
            if (campaign <= 3) {
                assertThat(permit.body().path("granted").asBoolean()).as("permit " + campaign).isTrue();
            } else {
                assertThat(permit.body().path("granted").asBoolean()).as("the fourth permit of the day").isFalse();
                assertThat(permit.text("reason")).isEqualTo("DAILY_CAP");
            }
        }
    }

    private static String payFromWallet(MallClient.Member member, String sku) {
        String orderId = mall.placeOrder(member.token(), sku, 1);
        mall.awaitOrder(member.token(), orderId, WAIT, "AWAITING_PAYMENT");
        var payment = mall.http().post("/api/v1/orders/" + orderId + "/payments", Map.of("channel", "WALLET"),
                member.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(payment.text("status")).as(payment.raw()).isEqualTo("SUCCEEDED");
        return orderId;
    }

    private static void awaitLifecycle(MallClient.Member member, String stage) {
        mall.awaitResponse(() -> mall.http().get("/api/v1/members/me", member.token()),
                r -> stage.equals(r.text("lifecycle")), WAIT, "lifecycle " + stage);
    }

    @Test
    void orderBeyondStockIsCancelledAsOutOfStock() {
        String sku = mall.createProduct(admin, "限量款帆布托特包", 8_800, 1);
        MallClient.Member member = newMember();
        String orderId = mall.placeOrder(member.token(), sku, 2);
        var cancelled = mall.awaitOrder(member.token(), orderId, WAIT, "CANCELLED", "AWAITING_PAYMENT");
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelReason")).isEqualTo("OUT_OF_STOCK");
        assertThat(mall.stock(admin, sku)).containsExactly(1, 0, 0);
    }

    @Test
    void memberCancellationReleasesStock() {
        String sku = mall.createProduct(admin, "手工陶瓷马克杯", 5_900, 5);
        MallClient.Member member = newMember();
        String orderId = mall.placeOrder(member.token(), sku, 3);
        mall.awaitOrder(member.token(), orderId, WAIT, "AWAITING_PAYMENT");
        assertThat(mall.stock(admin, sku)).containsExactly(2, 3, 0);
        var cancelled = mall.cancel(member.token(), orderId);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("cancelReason")).isEqualTo("BY_MEMBER");
        awaitStock(sku, 5, 0, 0);
    }

    @Test
    void unpaidOrderTimesOutAndReleasesStock() {
        String sku = mall.createProduct(admin, "云南古树普洱茶饼", 12_800, 4);
        MallClient.Member member = newMember();
        String orderId = mall.placeOrder(member.token(), sku, 1);
        mall.awaitOrder(member.token(), orderId, WAIT, "AWAITING_PAYMENT");
        var timedOut = mall.awaitOrder(member.token(), orderId, WAIT, "CANCELLED");
        assertThat(timedOut.text("cancelReason")).isEqualTo("PAYMENT_TIMEOUT");
        awaitStock(sku, 4, 0, 0);
    }

    @Test
    void twentyMembersRaceForFiveUnitsAndExactlyFiveWin() {
        String sku = mall.createProduct(admin, "秒杀款保温杯", 1_990, 5);
        List<MallClient.Member> members = IntStream.range(0, 20).mapToObj(i -> newMember()).toList();
        List<String[]> orders = members.parallelStream()
                .map(m -> new String[] {m.token(), mall.placeOrder(m.token(), sku, 1)}).toList();
        int awaiting = 0;
        int outOfStock = 0;
        for (String[] o : orders) {
            var settled = mall.awaitOrder(o[0], o[1], WAIT, "AWAITING_PAYMENT", "CANCELLED");
            if (settled.text("status").equals("AWAITING_PAYMENT")) {
                awaiting++;
            } else {
                assertThat(settled.text("cancelReason")).isEqualTo("OUT_OF_STOCK");
                outOfStock++;
            }
        }
        assertThat(awaiting).isEqualTo(5);
        assertThat(outOfStock).isEqualTo(15);
        assertThat(mall.stock(admin, sku)).containsExactly(0, 5, 0);
    }

    @Test
    void badInputThroughTheGatewayIsA4xxProblemAndChangesNothing() {
        String sku = mall.createProduct(admin, "错误输入测试商品", 1_000, 3);
        MallClient.Member member = newMember();
        MallClient.Member stranger = newMember();
        MallHttp http = mall.http();
        String key = UUID.randomUUID().toString();
        Map<String, String> idem = Map.of("Idempotency-Key", key);
        Map<String, Object> good = Map.of("items", List.of(Map.of("skuId", sku, "quantity", 1)), "address", MallClient.ADDRESS);

        assertProblem(http.post("/api/v1/orders", "{\"items\":[{", member.token(), idem), 400, "MALFORMED_REQUEST");
        assertProblem(http.post("/api/v1/orders", good, member.token()), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", sku, "quantity", 0)),
                "address", MallClient.ADDRESS), member.token(), idem), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", sku, "quantity", 1000)),
                "address", MallClient.ADDRESS), member.token(), idem), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", sku, "quantity", 1))),
                member.token(), idem), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", "123", "quantity", 1)),
                "address", MallClient.ADDRESS), member.token(), idem), 422, "SKU_NOT_FOUND");
        assertProblem(http.post("/api/v1/orders", good, null, idem), 401, "UNAUTHORIZED");
        assertProblem(http.post("/admin/v1/products", Map.of("title", "x", "skus", List.of()), member.token()), 403,
                "FORBIDDEN");
        assertProblem(http.get("/api/v1/orders", null), 401, "UNAUTHORIZED");
        assertThat(http.get("/api/v1/orders", member.token()).body().path("items").size()).isZero();
        assertThat(mall.stock(admin, sku)).containsExactly(3, 0, 0);

        var first = mall.placeOrder(member.token(), sku, 1, key);
        var repeat = mall.placeOrder(member.token(), sku, 1, key);
        assertThat(first.status()).isEqualTo(202);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.text("orderId")).isEqualTo(first.text("orderId"));
        String orderId = first.text("orderId");
        mall.awaitOrder(member.token(), orderId, WAIT, "AWAITING_PAYMENT");
        assertThat(mall.stock(admin, sku)).containsExactly(2, 1, 0);

        assertProblem(mall.order(stranger.token(), orderId), 404, "ORDER_NOT_FOUND");
        assertProblem(mall.cancel(stranger.token(), orderId), 404, "ORDER_NOT_FOUND");
        String forged = MallHttp.json(Map.of("paymentNo", "P1", "orderId", orderId, "amountFen", 1000, "status",
                "SUCCESS", "providerTxnId", "T", "timestamp", System.currentTimeMillis() / 1000, "nonce", "n",
                "signature", "f".repeat(64)));
        assertProblem(http.post("/api/v1/payments/notify/mock", forged, null), 400, "PAYMENT_SIGNATURE_INVALID");
        assertThat(mall.order(member.token(), orderId).text("status")).isEqualTo("AWAITING_PAYMENT");
    }

    private static MallClient.Member newMember() {
        return mall.memberLogin(String.format("137%08d", PHONES.incrementAndGet()), "123456");
    }

    private static void awaitStock(String sku, int available, int reserved, int sold) {
        mall.awaitResponse(() -> mall.http().get("/admin/v1/inventory/" + sku, admin),
                r -> r.body().path("available").asInt() == available && r.body().path("reserved").asInt() == reserved
                        && r.body().path("sold").asInt() == sold, WAIT, "stock " + available + "/" + reserved + "/" + sold);
    }

}
