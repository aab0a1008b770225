package com.siyu.mall.order.order;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import com.siyu.mall.contracts.catalog.InventoryReservationFailed;
import com.siyu.mall.contracts.catalog.InventoryReserved;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@MallIntegrationTest(properties = {
        "mall.order.payment-timeout=PT3S",
        "mall.order.timeout-sweep-interval=PT0.2S",
        "mall.payment.mock.delay=PT0.05S",
        "mall.order.auto-confirm-after=PT5S",
        "mall.order.auto-confirm-sweep-interval=PT0.2S"})
class OrderSagaIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final StubCatalog CATALOG = startCatalog();
    private static final StubMember MEMBER = startMember();
    private static final EventCollector ORDER_EVENTS = EventCollector.of(Topics.ORDER);
    private static final long SKU = 1001;
    private static final Map<String, Object> ADDRESS = Map.of("receiver", "张三", "phone", "13812345678",
            "province", "浙江省", "city", "杭州市", "district", "西湖区", "detail", "文三路 1 号");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    MallHttp http;
    long member;
    String token;

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", CATALOG::url);
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", MEMBER::url);
    }

    private static StubMember startMember() {
        try {
            return new StubMember();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StubCatalog startCatalog() {
        try {
            StubCatalog catalog = new StubCatalog();
            catalog.price(SKU, 1999);
            catalog.price(SKU + 1, 500);
            return catalog;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        ORDER_EVENTS.close();
        CATALOG.close();
        MEMBER.close();
    }

    @BeforeEach
    void member() {
        http = new MallHttp("http://localhost:" + port);
        member = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        token = TestJwtIssuer.get().memberToken(member);
    }

    @Test
    void placedOrderIsPricedByCatalogAndAwaitsPaymentOnceReserved() {
        String orderId = place(Map.of("items", List.of(Map.of("skuId", String.valueOf(SKU), "quantity", 2),
                Map.of("skuId", SKU + 1, "quantity", 1), Map.of("skuId", SKU, "quantity", 1)), "address", ADDRESS));
        EventEnvelope created = ORDER_EVENTS.await("OrderCreated", orderId, WAIT);
        assertThat(created.payload().path("totalFen").asLong()).isEqualTo(3 * 1999 + 500);
        assertThat(created.payload().path("lines")).hasSize(2);
        assertThat(order(orderId).text("status")).isEqualTo("PENDING_STOCK");

        reserved(orderId);
        await().atMost(WAIT).until(() -> "AWAITING_PAYMENT".equals(order(orderId).text("status")));
        var view = order(orderId);
        assertThat(view.number("totalFen")).isEqualTo(6497);
        assertThat(view.number("payableFen")).isEqualTo(6497);
        assertThat(view.body().path("lines").get(0).path("unitPriceFen").asLong()).isEqualTo(1999);
        assertThat(view.body().path("lines").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(view.body().path("address").path("phone").asString()).isEqualTo("138****5678");
        assertThat(view.text("paymentDeadline")).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT address_cipher FROM sales_order WHERE id = ?", String.class,
                Long.parseLong(orderId))).doesNotContain("13812345678").doesNotContain("文三路");
    }

    @Test
    void outOfStockCancelsTheOrderAndTellsEveryone() {
        String orderId = place(oneItem(1));
        EventCollector.publish(Topics.CATALOG, EventCollector.envelope("Inventory", orderId,
                new InventoryReservationFailed(Long.parseLong(orderId), "OUT_OF_STOCK", List.of(SKU))));
        EventEnvelope cancelled = ORDER_EVENTS.await("OrderCancelled", orderId, WAIT);
        assertThat(cancelled.payload().path("reason").asString()).isEqualTo("OUT_OF_STOCK");
        var view = order(orderId);
        assertThat(view.text("status")).isEqualTo("CANCELLED");
        assertThat(view.text("cancelReason")).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void mockProviderPaysTheOrderThroughASignedCallback() {
        String orderId = awaitingPayment();
        var payment = pay(orderId, UUID.randomUUID().toString());
        assertThat(payment.status()).as(payment.raw()).isEqualTo(202);
        assertThat(payment.number("amountFen")).isEqualTo(1999);
        EventEnvelope paid = ORDER_EVENTS.await("OrderPaid", orderId, WAIT);
        assertThat(paid.payload().path("payableFen").asLong()).isEqualTo(1999);
        assertThat(order(orderId).text("status")).isEqualTo("PAID");
        assertThat(order(orderId).text("paidAt")).isNotBlank();
    }

    @Test
    void forgedStaleOrWrongAmountNotificationsChangeNothing() {
        String orderId = awaitingPayment();
        String paymentNo = jdbcPaymentNo(orderId, "test-no-callback");
        var second = pay(orderId, UUID.randomUUID().toString());
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.text("paymentNo")).as("a payment in flight is reused, never a second charge").isEqualTo(paymentNo);
        long ts = System.currentTimeMillis() / 1000;
        String forged = notification(paymentNo, orderId, 1999, ts, "nonce-1", "0".repeat(64));
        assertProblem(http.post("/api/v1/payments/notify/mock", forged, null), 400, "PAYMENT_SIGNATURE_INVALID");
        assertProblem(http.post("/api/v1/payments/notify/mock", signed(paymentNo, orderId, 1999, ts - 3600), null), 400,
                "PAYMENT_NOTIFY_STALE");
        assertProblem(http.post("/api/v1/payments/notify/mock", signed(paymentNo, orderId, 1, ts), null), 400,
                "PAYMENT_AMOUNT_MISMATCH");
        assertProblem(http.post("/api/v1/payments/notify/mock", "{not json", null), 400, "PAYMENT_NOTIFY_MALFORMED");
        assertThat(order(orderId).text("status")).isEqualTo("AWAITING_PAYMENT");

        String good = signed(paymentNo, orderId, 1999, ts);
        assertThat(http.post("/api/v1/payments/notify/mock", good, null).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/payments/notify/mock", good, null).status()).as("a duplicate is acknowledged")
                .isEqualTo(200);
        assertThat(order(orderId).text("status")).isEqualTo("PAID");
        ORDER_EVENTS.await("OrderPaid", orderId, WAIT);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() ->
                ORDER_EVENTS.all(e -> e.eventType().equals("OrderPaid") && e.aggregateId().equals(orderId)).size() == 1);
    }

    @Test
    void memberCancelsBeforePaymentButNotAfter() {
        String orderId = awaitingPayment();
        var cancelled = http.post("/api/v1/orders/" + orderId + "/cancel", null, token);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelReason")).isEqualTo("BY_MEMBER");
        assertThat(ORDER_EVENTS.await("OrderCancelled", orderId, WAIT).payload().path("lines").get(0)
                .path("quantity").asInt()).isEqualTo(1);
        assertProblem(http.post("/api/v1/orders/" + orderId + "/cancel", null, token), 409, "ORDER_STATE_CONFLICT");
        assertProblem(pay(orderId, UUID.randomUUID().toString()), 409, "ORDER_STATE_CONFLICT");

        String paid = awaitingPayment();
        pay(paid, UUID.randomUUID().toString());
        ORDER_EVENTS.await("OrderPaid", paid, WAIT);
        assertProblem(http.post("/api/v1/orders/" + paid + "/cancel", null, token), 409, "ORDER_STATE_CONFLICT");
    }

    @Test
    void operatorShipsAndMemberConfirmsReceipt() {
        String orderId = paidOrder();
        String admin = TestJwtIssuer.get().adminToken();
        assertProblem(http.post("/admin/v1/orders/" + orderId + "/shipments", Map.of("carrier", "SF",
                "trackingNo", "SF1"), token), 403, "FORBIDDEN");
        assertProblem(http.post("/admin/v1/orders/" + orderId + "/shipments", Map.of("carrier", "",
                "trackingNo", "SF1"), admin), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/orders/" + orderId + "/receipt", null, token), 409, "ORDER_STATE_CONFLICT");

        var shipped = http.post("/admin/v1/orders/" + orderId + "/shipments", Map.of("carrier", "SF",
                "trackingNo", "SF1234567890"), admin);
        assertThat(shipped.status()).as(shipped.raw()).isEqualTo(200);
        assertThat(shipped.text("status")).isEqualTo("SHIPPED");
        assertThat(ORDER_EVENTS.await("OrderShipped", orderId, WAIT).payload().path("trackingNo").asString())
                .isEqualTo("SF1234567890");
        assertProblem(http.post("/admin/v1/orders/" + orderId + "/shipments", Map.of("carrier", "SF",
                "trackingNo", "SF2"), admin), 409, "ORDER_STATE_CONFLICT");
        assertProblem(http.post("/api/v1/orders/" + orderId + "/receipt", null,
                TestJwtIssuer.get().memberToken(member + 1)), 404, "ORDER_NOT_FOUND");

        var completed = http.post("/api/v1/orders/" + orderId + "/receipt", null, token);
        assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");
        assertThat(completed.text("completedAt")).isNotBlank();
        EventEnvelope event = ORDER_EVENTS.await("OrderCompleted", orderId, WAIT);
        assertThat(event.payload().path("payableFen").asLong()).isEqualTo(1999);
        assertThat(event.payload().path("lines").get(0).path("skuId").asLong()).isEqualTo(SKU);
        assertProblem(http.post("/api/v1/orders/" + orderId + "/receipt", null, token), 409, "ORDER_STATE_CONFLICT");
    }

    @Test
    void shippedOrderCompletesByItselfAfterTheConfirmationWindow() {
        String orderId = paidOrder();
        assertThat(http.post("/admin/v1/orders/" + orderId + "/shipments", Map.of("carrier", "YTO",
                "trackingNo", "YT1"), TestJwtIssuer.get().adminToken()).status()).isEqualTo(200);
        ORDER_EVENTS.await("OrderCompleted", orderId, WAIT);
        assertThat(order(orderId).text("status")).isEqualTo("COMPLETED");
        assertThat(http.get("/admin/v1/orders/" + orderId, TestJwtIssuer.get().adminToken()).text("carrier"))
                .isEqualTo("YTO");
    }

    private String paidOrder() {
        String orderId = awaitingPayment();
        pay(orderId, UUID.randomUUID().toString());
        ORDER_EVENTS.await("OrderPaid", orderId, WAIT);
        return orderId;
    }

    @Test
    void unpaidOrderIsCancelledAfterThePaymentTimeout() {
        String orderId = awaitingPayment();
        EventEnvelope cancelled = ORDER_EVENTS.await("OrderCancelled", orderId, WAIT);
        assertThat(cancelled.payload().path("reason").asString()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(order(orderId).text("cancelReason")).isEqualTo("PAYMENT_TIMEOUT");
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheFirstOrderEvenWhenConcurrent() {
        String key = UUID.randomUUID().toString();
        List<String> ids = IntStream.range(0, 8).parallel()
                .mapToObj(i -> http.post("/api/v1/orders", oneItem(1), token, Map.of("Idempotency-Key", key)))
                .peek(r -> assertThat(r.status()).as(r.raw()).isEqualTo(202))
                .map(r -> r.text("orderId")).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE member_id = ?", Integer.class, member))
                .isEqualTo(1);
        var again = http.post("/api/v1/orders", oneItem(1), token, Map.of("Idempotency-Key", key));
        assertThat(again.text("orderId")).isEqualTo(ids.get(0));
        assertThat(again.text("status")).isEqualTo("PENDING_STOCK");
    }

    @Test
    void badInputIsA4xxProblemAndCreatesNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        assertProblem(http.post("/api/v1/orders", oneItem(1), token), 400, "IDEMPOTENCY_KEY_REQUIRED");
        assertProblem(http.post("/api/v1/orders", "{\"items\": [", token, key), 400, "MALFORMED_REQUEST");
        assertProblem(http.post("/api/v1/orders", oneItem(0), token, key), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/orders", oneItem(1000), token, key), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(), "address", ADDRESS), token, key), 400,
                "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", SKU, "quantity", 1))), token,
                key), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", "abc", "quantity", 1)),
                "address", ADDRESS), token, key), 400, "MALFORMED_REQUEST");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", 999999, "quantity", 1)),
                "address", ADDRESS), token, key), 422, "SKU_NOT_FOUND");
        assertProblem(http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", SKU, "quantity", 600),
                Map.of("skuId", SKU, "quantity", 600)), "address", ADDRESS), token, key), 400, "QUANTITY_TOO_LARGE");
        assertProblem(http.post("/api/v1/orders", oneItem(1), null, key), 401, "UNAUTHORIZED");
        assertProblem(http.post("/api/v1/orders", oneItem(1), TestJwtIssuer.get().adminToken(), key), 403,
                "MEMBER_TOKEN_REQUIRED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE member_id = ?", Integer.class, member))
                .isZero();

        String orderId = place(oneItem(1));
        String stranger = TestJwtIssuer.get().memberToken(member + 1);
        assertProblem(http.get("/api/v1/orders/" + orderId, stranger), 404, "ORDER_NOT_FOUND");
        assertProblem(http.post("/api/v1/orders/" + orderId + "/cancel", null, stranger), 404, "ORDER_NOT_FOUND");
        assertProblem(http.post("/api/v1/orders/" + orderId + "/payments", Map.of("channel", "MOCK"), stranger,
                Map.of("Idempotency-Key", "k")), 404, "ORDER_NOT_FOUND");
        assertProblem(http.post("/api/v1/orders/" + orderId + "/payments", Map.of("channel", "BITCOIN"), token,
                Map.of("Idempotency-Key", "k2")), 400, "PAYMENT_CHANNEL_UNSUPPORTED");
        assertThat(order(orderId).text("status")).isEqualTo("PENDING_STOCK");
    }

    @Test
    void listsOnlyTheCallersOrdersNewestFirstWithACursor() {
        List<String> placed = IntStream.range(0, 5).mapToObj(i -> place(oneItem(1))).toList();
        place(oneItem(1), TestJwtIssuer.get().memberToken(member + 1));
        var first = http.get("/api/v1/orders?limit=3", token);
        assertThat(first.status()).isEqualTo(200);
        var second = http.get("/api/v1/orders?limit=3&cursor=" + first.text("nextCursor"), token);
        List<String> seen = new java.util.ArrayList<>();
        first.body().path("items").forEach(o -> seen.add(o.path("orderId").asString()));
        second.body().path("items").forEach(o -> seen.add(o.path("orderId").asString()));
        List<String> newestFirst = new java.util.ArrayList<>(placed);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(second.text("nextCursor")).isNull();
    }

    @Test
    void walletPaysTheOrderAtOnceThroughMemberService() {
        MEMBER.balance(member, 5_000);
        String orderId = awaitingPayment();
        String key = UUID.randomUUID().toString();
        var payment = pay(orderId, key, "WALLET");
        assertThat(payment.status()).as(payment.raw()).isEqualTo(202);
        assertThat(payment.text("status")).isEqualTo("SUCCEEDED");
        assertThat(payment.text("channel")).isEqualTo("WALLET");
        assertThat(order(orderId).text("status")).as("paid before the answer").isEqualTo("PAID");
        EventEnvelope paid = ORDER_EVENTS.await("OrderPaid", orderId, WAIT);
        assertThat(paid.payload().path("channel").asString()).isEqualTo("WALLET");
        assertThat(paid.payload().path("payableFen").asLong()).isEqualTo(1999);
        assertThat(MEMBER.balance(member)).isEqualTo(5_000 - 1999);

        int calls = MEMBER.calls();
        assertThat(pay(orderId, key, "WALLET").text("paymentId")).as("a repeated key returns the first payment")
                .isEqualTo(payment.text("paymentId"));
        assertThat(MEMBER.calls()).as("and asks member-service nothing").isEqualTo(calls);
        assertProblem(pay(orderId, UUID.randomUUID().toString(), "WALLET"), 409, "ORDER_STATE_CONFLICT");
        assertThat(MEMBER.balance(member)).isEqualTo(5_000 - 1999);
    }

    @Test
    void anInsufficientWalletIsA409AndTheOrderStillAwaitsPayment() {
        MEMBER.balance(member, 1998);
        String orderId = awaitingPayment();
        assertProblem(pay(orderId, UUID.randomUUID().toString(), "WALLET"), 409, "WALLET_INSUFFICIENT");
        assertThat(order(orderId).text("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(jdbc.queryForList("SELECT status FROM payment WHERE order_id = ?", String.class,
                Long.parseLong(orderId))).as("the refused attempt is kept as FAILED, collecting nothing")
                .containsExactly("FAILED");

        MEMBER.balance(member, 1999);
        var topped = pay(orderId, UUID.randomUUID().toString(), "WALLET");
        assertThat(topped.status()).as(topped.raw()).isEqualTo(202);
        assertThat(order(orderId).text("status")).isEqualTo("PAID");
        assertThat(MEMBER.balance(member)).isZero();
    }

    @Test
    void anOpenPaymentBlocksAnotherChannelSoNothingIsChargedTwice() {
        MEMBER.balance(member, 5_000);
        MEMBER.outage(member, true);
        String orderId = awaitingPayment();
        String walletKey = UUID.randomUUID().toString();
        assertThat(pay(orderId, walletKey, "WALLET").status()).as("member-service is down").isEqualTo(503);

        // the wallet attempt stays open (member-service may have debited before it fell over): no second channel
        assertProblem(pay(orderId, UUID.randomUUID().toString(), "MOCK"), 409, "PAYMENT_IN_PROGRESS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE order_id = ?", Integer.class,
                Long.parseLong(orderId))).isEqualTo(1);

        MEMBER.outage(member, false);
        var retried = pay(orderId, walletKey, "WALLET");
        assertThat(retried.text("status")).as(retried.raw()).isEqualTo("SUCCEEDED");
        assertThat(order(orderId).text("status")).isEqualTo("PAID");
        assertThat(MEMBER.balance(member)).isEqualTo(5_000 - 1999);
    }

    private String awaitingPayment() {
        String orderId = place(oneItem(1));
        reserved(orderId);
        await().atMost(WAIT).until(() -> "AWAITING_PAYMENT".equals(order(orderId).text("status")));
        return orderId;
    }

    private static void reserved(String orderId) {
        EventCollector.publish(Topics.CATALOG, EventCollector.envelope("Inventory", orderId,
                new InventoryReserved(Long.parseLong(orderId))));
    }

    private MallHttp.Response pay(String orderId, String key) {
        return pay(orderId, key, "MOCK");
    }

    private MallHttp.Response pay(String orderId, String key, String channel) {
        return http.post("/api/v1/orders/" + orderId + "/payments", Map.of("channel", channel), token,
                Map.of("Idempotency-Key", key));
    }

    /** A payment row as if the provider had been asked but had not called back yet. */
    private String jdbcPaymentNo(String orderId, String key) {
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        jdbc.update("""
                INSERT INTO payment (id, payment_no, order_id, member_id, channel, amount_fen, status, idempotency_key,
                                     created_at, updated_at)
                VALUES (?, ?, ?, ?, 'MOCK', 1999, 'PENDING', ?, NOW(3), NOW(3))""",
                id, "P" + id, Long.parseLong(orderId), member, key);
        return "P" + id;
    }

    private String signed(String paymentNo, String orderId, long amount, long ts) {
        String nonce = UUID.randomUUID().toString();
        String data = String.join("|", paymentNo, orderId, String.valueOf(amount), "SUCCESS", "TXN1", String.valueOf(ts), nonce);
        return notification(paymentNo, orderId, amount, ts, nonce, hmac(data));
    }

    private static String notification(String paymentNo, String orderId, long amount, long ts, String nonce, String sig) {
        return MallHttp.json(Map.of("paymentNo", paymentNo, "orderId", orderId, "amountFen", amount, "status", "SUCCESS",
                "providerTxnId", "TXN1", "timestamp", ts, "nonce", nonce, "signature", sig));
    }

    private static String hmac(String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("siyu-mall-mock-payment-secret".getBytes(), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> oneItem(int quantity) {
        return Map.of("items", List.of(Map.of("skuId", SKU, "quantity", quantity)), "address", ADDRESS);
    }

    private String place(Map<String, Object> body) {
        return place(body, token);
    }

    private String place(Map<String, Object> body, String as) {
        var response = http.post("/api/v1/orders", body, as, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        assertThat(response.text("status")).isEqualTo("PENDING_STOCK");
        return response.text("orderId");
    }

    private MallHttp.Response order(String orderId) {
        var response = http.get("/api/v1/orders/" + orderId, token);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response;
    }

}
