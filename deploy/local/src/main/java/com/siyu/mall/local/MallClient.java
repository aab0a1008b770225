package com.siyu.mall.local;

import com.siyu.mall.common.testsupport.MallHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The public API as a member, an operator or a payment provider sees it, through the gateway. */
public final class MallClient {

    public static final Map<String, Object> ADDRESS = Map.of("receiver", "张三", "phone", "13800001111",
            "province", "浙江省", "city", "杭州市", "district", "西湖区", "detail", "文三路 90 号");

    public record Member(String memberId, String token) {
    }

    private final MallHttp http;

    public MallClient(String gatewayUrl) {
        this.http = new MallHttp(gatewayUrl);
    }

    public MallHttp http() {
        return http;
    }

    public String adminToken(String username, String password) {
        var login = http.post("/admin/v1/auth/login", Map.of("username", username, "password", password), null);
        expect(login, 200, "admin login");
        return login.text("accessToken");
    }

    /** Asks for an SMS code and logs in with it (the local SMS adapter uses the fixed code). */
    public Member memberLogin(String phone, String code) {
        expect(http.post("/api/v1/auth/sms-codes", Map.of("phone", phone), null), 202, "sms code for " + phone);
        var login = http.post("/api/v1/auth/login", Map.of("phone", phone, "code", code), null);
        expect(login, 200, "member login " + phone);
        return new Member(login.text("memberId"), login.text("accessToken"));
    }

    /** Creates a one-SKU product and returns its skuId. */
    public String createProduct(String admin, String title, long priceFen, int stock) {
        var created = http.post("/admin/v1/products", Map.of("title", title, "description", title + "（演示商品）",
                "skus", List.of(Map.of("specs", Map.of("规格", "标准"), "priceFen", priceFen, "stock", stock))), admin);
        expect(created, 201, "create product " + title);
        return created.body().path("skus").get(0).path("skuId").asString();
    }

    public MallHttp.Response placeOrder(String token, String skuId, int quantity, String idempotencyKey) {
        return http.post("/api/v1/orders", Map.of("items", List.of(Map.of("skuId", skuId, "quantity", quantity)),
                "address", ADDRESS), token, Map.of("Idempotency-Key", idempotencyKey));
    }

    public String placeOrder(String token, String skuId, int quantity) {
        var placed = placeOrder(token, skuId, quantity, UUID.randomUUID().toString());
        expect(placed, 202, "place order");
        return placed.text("orderId");
    }

    public MallHttp.Response order(String token, String orderId) {
        return http.get("/api/v1/orders/" + orderId, token);
    }

    public MallHttp.Response pay(String token, String orderId) {
        return http.post("/api/v1/orders/" + orderId + "/payments", Map.of("channel", "MOCK"), token,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    public MallHttp.Response cancel(String token, String orderId) {
        return http.post("/api/v1/orders/" + orderId + "/cancel", null, token);
    }

    /** available, reserved, sold of a SKU (operator view). */
    public int[] stock(String admin, String skuId) {
        var stock = http.get("/admin/v1/inventory/" + skuId, admin);
        expect(stock, 200, "stock of " + skuId);
        return new int[] {stock.body().path("available").asInt(), stock.body().path("reserved").asInt(),
                stock.body().path("sold").asInt()};
    }

    /** Polls the order until its status is one of {@code wanted}; the saga runs asynchronously. */
    public MallHttp.Response awaitOrder(String token, String orderId, Duration timeout, String... wanted) {
        List<String> statuses = List.of(wanted);
        return awaitResponse(() -> order(token, orderId), r -> statuses.contains(r.text("status")), timeout,
                "order " + orderId + " to become " + statuses);
    }

    public MallHttp.Response awaitResponse(java.util.function.Supplier<MallHttp.Response> call,
            Predicate<MallHttp.Response> done, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        MallHttp.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            pause();
        }
        throw new IllegalStateException("timed out waiting for " + what + "; last answer: " + last);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static MallHttp.Response expect(MallHttp.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + " but got " + response);
        }
        return response;
    }
}
