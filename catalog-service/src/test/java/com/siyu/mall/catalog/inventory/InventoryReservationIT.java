package com.siyu.mall.catalog.inventory;

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
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class InventoryReservationIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static EventCollector catalogEvents;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    MallHttp http;
    final String admin = TestJwtIssuer.get().adminToken();

    @BeforeAll
    static void collect() {
        catalogEvents = EventCollector.of(Topics.CATALOG);
    }

    @AfterAll
    static void stop() {
        catalogEvents.close();
    }

    @BeforeEach
    void client() {
        http = new MallHttp("http://localhost:" + port);
    }

    @Test
    void reservesAllLinesOrNone() {
        long[] skus = product(5, 5);
        long orderId = orderId();
        created(orderId, line(skus[0], 2), line(skus[1], 6));

        EventEnvelope failed = catalogEvents.await("InventoryReservationFailed", orderId, WAIT);
        assertThat(failed.payload().path("reason").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(failed.payload().path("skuIds").get(0).asLong()).isEqualTo(skus[1]);
        assertStock(skus[0], 5, 0, 0);
        assertStock(skus[1], 5, 0, 0);

        long ok = orderId();
        created(ok, line(skus[0], 2), line(skus[1], 5));
        catalogEvents.await("InventoryReserved", ok, WAIT);
        assertStock(skus[0], 3, 2, 0);
        assertStock(skus[1], 0, 5, 0);
        StockAssertions.assertConserved(jdbc, skus[0], 5);
    }

    @Test
    void redeliveredAndRepeatedOrderCreatedReserveOnce() {
        long sku = product(10)[0];
        long orderId = orderId();
        EventEnvelope event = EventCollector.envelope("Order", orderId,
                new OrderCreated(orderId, 7, List.of(line(sku, 3)), 3 * 1999));
        EventCollector.publish(Topics.ORDER, event);
        EventCollector.publish(Topics.ORDER, event); // broker redelivery: same event id
        EventEnvelope repeated = created(orderId, line(sku, 3)); // a second event for the same order
        catalogEvents.await("InventoryReserved", orderId, WAIT);
        awaitProcessed(repeated); // same key, same partition: everything before it was handled too
        assertThat(processed(event.eventId())).isEqualTo(1);
        assertStock(sku, 7, 3, 0);
        assertThat(catalogEvents.all(e -> e.aggregateId().equals(String.valueOf(orderId)))).hasSize(1);
    }

    @Test
    void cancellationReleasesAndPaymentConfirms() {
        long sku = product(4)[0];
        long cancelled = orderId();
        created(cancelled, line(sku, 2));
        catalogEvents.await("InventoryReserved", cancelled, WAIT);
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", cancelled,
                new OrderCancelled(cancelled, 7, List.of(line(sku, 2)), "BY_MEMBER")));
        await().atMost(WAIT).untilAsserted(() -> assertStock(sku, 4, 0, 0));

        long paid = orderId();
        created(paid, line(sku, 3));
        catalogEvents.await("InventoryReserved", paid, WAIT);
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", paid,
                new OrderPaid(paid, 7, List.of(line(sku, 3)), 3 * 1999, "MOCK", Instant.now())));
        await().atMost(WAIT).untilAsserted(() -> assertStock(sku, 1, 0, 3));
        // a late cancellation of a paid order gives nothing back
        EventEnvelope late = EventCollector.envelope("Order", paid,
                new OrderCancelled(paid, 7, List.of(line(sku, 3)), "PAYMENT_TIMEOUT"));
        EventCollector.publish(Topics.ORDER, late);
        awaitProcessed(late);
        assertStock(sku, 1, 0, 3);
        StockAssertions.assertConserved(jdbc, sku, 4);
    }

    @Test
    void cancellationThatArrivesFirstPreventsTheReservation() {
        long sku = product(4)[0];
        long orderId = orderId();
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                new OrderCancelled(orderId, 7, List.of(line(sku, 2)), "BY_MEMBER")));
        awaitProcessed(created(orderId, line(sku, 2)));
        assertThat(catalogEvents.all(e -> e.aggregateId().equals(String.valueOf(orderId)))).isEmpty();
        assertStock(sku, 4, 0, 0);
    }

    @Test
    void twentyConcurrentOrdersForFiveUnitsReserveExactlyFive() {
        long sku = product(5)[0];
        List<Long> orders = IntStream.range(0, 20).mapToObj(i -> orderId()).toList();
        orders.parallelStream().forEach(id -> created(id, line(sku, 1)));
        int reserved = 0;
        int failed = 0;
        for (long id : orders) {
            EventEnvelope outcome = catalogEvents.await(
                    e -> e.aggregateId().equals(String.valueOf(id)), WAIT, "outcome of " + id);
            if (outcome.eventType().equals("InventoryReserved")) {
                reserved++;
            } else {
                assertThat(outcome.eventType()).isEqualTo(InventoryReservationFailed.class.getSimpleName());
                failed++;
            }
        }
        assertThat(reserved).isEqualTo(5);
        assertThat(failed).isEqualTo(15);
        assertStock(sku, 0, 5, 0);
        StockAssertions.assertConserved(jdbc, sku, 5);
    }

    @Test
    void rejectsBadProductInputAndChangesNothing() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM spu", Integer.class);
        assertProblem(http.post("/admin/v1/products", "{\"title\": ", admin), 400, "MALFORMED_REQUEST");
        assertProblem(http.post("/admin/v1/products", Map.of("title", "", "skus", List.of()), admin), 400,
                "VALIDATION_FAILED");
        assertProblem(http.post("/admin/v1/products", Map.of("title", "t", "skus",
                List.of(Map.of("priceFen", -1, "stock", 1))), admin), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/admin/v1/products", Map.of("title", "t", "skus",
                List.of(Map.of("priceFen", 100, "stock", 1))), TestJwtIssuer.get().memberToken(1)), 403, "FORBIDDEN");
        assertProblem(http.post("/admin/v1/products", Map.of("title", "t", "skus",
                List.of(Map.of("priceFen", 100, "stock", 1))), null), 401, "UNAUTHORIZED");
        assertProblem(http.get("/api/v1/products/123", null), 404, "PRODUCT_NOT_FOUND");
        assertProblem(http.get("/api/v1/products/abc", null), 400, "PARAMETER_INVALID");
        assertProblem(http.get("/api/v1/products?limit=0", null), 400, "VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spu", Integer.class)).isEqualTo(before);
    }

    @Test
    void publicListingAndDetailShowPricesAndAvailableStock() {
        String title = "碎花连衣裙 " + orderId();
        var created = http.post("/admin/v1/products", Map.of("title", title, "description", "夏季新款",
                "skus", List.of(Map.of("specs", Map.of("color", "red"), "priceFen", 1999, "stock", 10),
                        Map.of("specs", Map.of("color", "blue"), "priceFen", 2599, "stock", 3))), admin);
        assertThat(created.status()).isEqualTo(201);
        String spuId = created.text("spuId");

        var page = http.get("/api/v1/products?keyword=" + java.net.URLEncoder.encode(title,
                java.nio.charset.StandardCharsets.UTF_8) + "&limit=5", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("items").get(0).path("spuId").asString()).isEqualTo(spuId);
        assertThat(page.body().path("items").get(0).path("minPriceFen").asLong()).isEqualTo(1999);
        assertThat(page.body().path("items").get(0).path("available").asInt()).isEqualTo(13);

        var detail = http.get("/api/v1/products/" + spuId, null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().path("skus")).hasSize(2);
        assertThat(detail.body().path("skus").get(0).path("skuId").isString()).isTrue();
        assertThat(detail.body().path("skus").get(1).path("available").asInt()).isEqualTo(3);
    }

    @Test
    void cursorPagesThroughEveryProductOnce() {
        for (int i = 0; i < 5; i++) {
            product(1);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = http.get("/api/v1/products?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null);
            page.body().path("items").forEach(item -> assertThat(seen.add(item.path("spuId").asString())).isTrue());
            cursor = page.text("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(seen.size()).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM spu WHERE status = 'ON_SALE' AND audience = 'PUBLIC'", Integer.class));
    }

    private long[] product(int... stocks) {
        List<Map<String, Object>> skus = IntStream.range(0, stocks.length)
                .mapToObj(i -> Map.<String, Object>of("specs", Map.of("size", "S" + i), "priceFen", 1999, "stock", stocks[i]))
                .toList();
        var response = http.post("/admin/v1/products", Map.of("title", "test product", "skus", skus), admin);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        long[] ids = new long[stocks.length];
        for (int i = 0; i < stocks.length; i++) {
            ids[i] = Long.parseLong(response.body().path("skus").get(i).path("skuId").asString());
        }
        return ids;
    }

    private static EventEnvelope created(long orderId, OrderLine... lines) {
        long total = List.of(lines).stream().mapToLong(l -> l.unitPriceFen() * l.quantity()).sum();
        EventEnvelope event = EventCollector.envelope("Order", orderId, new OrderCreated(orderId, 7, List.of(lines), total));
        EventCollector.publish(Topics.ORDER, event);
        return event;
    }

    private void awaitProcessed(EventEnvelope event) {
        await().atMost(WAIT).until(() -> processed(event.eventId()) == 1);
    }

    private static OrderLine line(long sku, int quantity) {
        return new OrderLine(sku, 1, quantity, 1999);
    }

    private static long orderId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private int processed(String eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, eventId);
    }

    private void assertStock(long sku, int available, int reserved, int sold) {
        var stock = http.get("/admin/v1/inventory/" + sku, admin);
        assertThat(stock.status()).isEqualTo(200);
        assertThat(List.of(stock.body().path("available").asInt(), stock.body().path("reserved").asInt(),
                stock.body().path("sold").asInt())).as("available, reserved, sold of " + sku)
                .containsExactly(available, reserved, sold);
    }

}
