package com.siyu.mall.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Seeds a small catalog and walks one purchase, printing each step as a newcomer would do it with curl. */
final class Demo {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Demo() {
    }

    static void seed(MallClient mall, String adminPassword) {
        var existing = mall.http().get("/api/v1/products?limit=1", null);
        if (existing.status() == 200 && existing.body().path("items").size() > 0) {
            System.out.println("  demo catalog already present");
            return;
        }
        String admin = mall.adminToken("admin", adminPassword);
        mall.createProduct(admin, "夏季新款碎花连衣裙", 19_900, 50);
        mall.createProduct(admin, "云南古树普洱茶饼 357g", 12_800, 30);
        mall.createProduct(admin, "手工陶瓷马克杯", 5_900, 100);
        mall.createProduct(admin, "限量款帆布托特包", 8_800, 5);
        System.out.println("  seeded 4 demo products");
    }

    static void walk(MallClient mall, String adminPassword) {
        step("admin logs in (POST /admin/v1/auth/login)");
        String admin = mall.adminToken("admin", adminPassword);
        step("admin creates a product with 10 units (POST /admin/v1/products)");
        String sku = mall.createProduct(admin, "演示商品 " + System.currentTimeMillis(), 1_999, 10);
        show("skuId " + sku + ", stock " + stock(mall, admin, sku));

        String phone = "139" + String.format("%08d", System.currentTimeMillis() % 100_000_000);
        step("member asks for an SMS code and logs in (POST /api/v1/auth/sms-codes, /api/v1/auth/login)");
        var member = mall.memberLogin(phone, System.getenv().getOrDefault("MALL_SMS_FIXED_CODE", "123456"));
        show("memberId " + member.memberId());
        show("GET /api/v1/members/me → " + mall.http().get("/api/v1/members/me", member.token()).raw());

        step("member orders 2 units (POST /api/v1/orders with Idempotency-Key)");
        String orderId = mall.placeOrder(member.token(), sku, 2);
        show("orderId " + orderId + " accepted as PENDING_STOCK");
        step("catalog reserves the stock asynchronously (OrderCreated → InventoryReserved)");
        var awaiting = mall.awaitOrder(member.token(), orderId, WAIT, "AWAITING_PAYMENT", "CANCELLED");
        show("status " + awaiting.text("status") + ", payable " + awaiting.number("payableFen") + " fen; stock "
                + stock(mall, admin, sku));

        step("member pays with the MOCK channel; the provider calls back with a signed notification");
        show(mall.pay(member.token(), orderId).raw());
        var paid = mall.awaitOrder(member.token(), orderId, WAIT, "PAID");
        show("status " + paid.text("status") + " at " + paid.text("paidAt"));
        show("stock after payment (available/reserved/sold): " + stock(mall, admin, sku));

        step("a second order is cancelled by the member and its stock comes back");
        String second = mall.placeOrder(member.token(), sku, 3);
        mall.awaitOrder(member.token(), second, WAIT, "AWAITING_PAYMENT");
        show("before cancel: " + stock(mall, admin, sku));
        show(mall.cancel(member.token(), second).text("status") + " (BY_MEMBER); catalog releases the stock (OrderCancelled)");
        mall.awaitResponse(() -> mall.http().get("/admin/v1/inventory/" + sku, admin),
                r -> r.body().path("reserved").asInt() == 0, WAIT, "stock of the cancelled order to come back");
        show("after cancel:  " + stock(mall, admin, sku));

        step("member recharges ¥100 (POST /api/v1/wallet/recharges); credited on the provider's signed callback");
        var recharge = mall.http().post("/api/v1/wallet/recharges", Map.of("amountFen", 10_000),
                member.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        show(recharge.raw());
        var wallet = mall.awaitResponse(() -> mall.http().get("/api/v1/wallet", member.token()),
                r -> r.number("balanceFen") >= 10_000, WAIT, "the recharge to be credited");
        show("GET /api/v1/wallet → " + wallet.raw());
        step("a third order is paid from the wallet ({\"channel\":\"WALLET\"}): PAID at once");
        String third = mall.placeOrder(member.token(), sku, 1);
        mall.awaitOrder(member.token(), third, WAIT, "AWAITING_PAYMENT");
        show(mall.http().post("/api/v1/orders/" + third + "/payments", Map.of("channel", "WALLET"),
                member.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString())).raw());
        show("GET /api/v1/wallet → " + mall.http().get("/api/v1/wallet", member.token()).raw());
        var points = mall.awaitResponse(() -> mall.http().get("/api/v1/members/me/points", member.token()),
                r -> r.number("pending") > 0, WAIT, "pending points for the paid orders");
        show("GET /api/v1/members/me/points → " + points.raw() + " (available once the orders complete)");
        show("lifecycle " + mall.awaitResponse(() -> mall.http().get("/api/v1/members/me", member.token()),
                r -> "REPEAT".equals(r.text("lifecycle")), WAIT, "lifecycle REPEAT").text("lifecycle"));

        step("keyword search in Chinese (GET /api/v1/products?q=碎花裙)");
        var found = mall.http().get("/api/v1/products?q=" + URLEncoder.encode("碎花裙",
                StandardCharsets.UTF_8), null);
        found.body().path("items").forEach(item -> show(item.path("title").asString() + "  " + item.path("minPriceFen")
                .asLong() + " fen"));
        System.out.println("\ndemo finished: orders " + orderId + " and " + third + " PAID (MOCK, WALLET), order " + second
                + " CANCELLED (BY_MEMBER)");
    }

    private static String stock(MallClient mall, String admin, String sku) {
        int[] s = mall.stock(admin, sku);
        return s[0] + "/" + s[1] + "/" + s[2];
    }

    private static void step(String what) {
        System.out.println("\n▶ " + what);
    }

    private static void show(String what) {
        System.out.println("  " + what);
    }
}
