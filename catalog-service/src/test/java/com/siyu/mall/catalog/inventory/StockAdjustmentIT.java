package com.siyu.mall.catalog.inventory;

import static com.siyu.mall.catalog.CatalogApi.ADMIN;
import static com.siyu.mall.catalog.CatalogApi.MEMBER;
import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static com.siyu.mall.catalog.CatalogApi.skuId;
import static com.siyu.mall.catalog.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
class StockAdjustmentIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static EventCollector catalogEvents;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    CatalogApi api;

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
        api = new CatalogApi(port);
    }

    @Test
    void adjustmentsAddAndRemoveAvailableStockAndTheLedgerExplainsEveryUnit() {
        String sku = sku(10);
        var added = adjust(sku, 5, "补货");
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.number("available")).isEqualTo(15);
        assertThat(adjust(sku, -4, "盘亏").number("available")).isEqualTo(11);
        reserve(sku, 3);

        assertProblem(adjust(sku, -9, "too many"), 409, "STOCK_INSUFFICIENT");
        assertStock(sku, 8, 3, 0);
        assertThat(adjust(sku, -8, "all the rest").number("available")).isZero();

        var ledger = api.http.get("/admin/v1/skus/" + sku + "/stock-ledger", ADMIN);
        assertThat(ledger.body().path("items")).extracting(e -> e.path("changeType").asString())
                .containsExactly("ADJUST", "RESERVE", "ADJUST", "ADJUST", "RESTOCK");
        var newest = ledger.body().path("items").get(0);
        assertThat(newest.path("deltaAvailable").asInt()).isEqualTo(-8);
        assertThat(newest.path("reason").asString()).isEqualTo("all the rest");
        assertThat(newest.path("actor").asString()).isEqualTo("admin");
        StockAssertions.assertConserved(jdbc, Long.parseLong(sku));
    }

    @Test
    void concurrentNegativeAdjustmentsNeverTakeStockBelowZero() throws Exception {
        String sku = sku(10);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 20)
                    .<Callable<Integer>>mapToObj(i -> () -> adjust(sku, -1, "concurrent " + i).status()).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(10);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        assertStock(sku, 0, 0, 0);
        StockAssertions.assertConserved(jdbc, Long.parseLong(sku));
    }

    @Test
    void stockLowIsEmittedOnceWhenAvailableCrossesTheThreshold() {
        String sku = sku(10);
        assertThat(api.http.patch("/admin/v1/skus/" + sku, Map.of("lowStockThreshold", 5), ADMIN).status())
                .isEqualTo(200);
        adjust(sku, -5, "down to the threshold"); // 10 → 5: not below
        adjust(sku, -1, "below"); // 5 → 4: crosses
        adjust(sku, -1, "further below"); // 4 → 3: already low
        EventEnvelope low = catalogEvents.await("StockLow", sku, WAIT);
        assertThat(low.payload().path("available").asInt()).isEqualTo(4);
        assertThat(low.payload().path("threshold").asInt()).isEqualTo(5);

        adjust(sku, 10, "restocked"); // 3 → 13
        long orderId = reserve(sku, 9); // 13 → 4: a reservation crosses again
        catalogEvents.await("InventoryReserved", orderId, WAIT);
        awaitStockLows(sku, 2);
        assertThat(catalogEvents.all(e -> e.eventType().equals("StockLow") && e.aggregateId().equals(sku)))
                .extracting(e -> e.payload().path("available").asInt()).containsExactly(4, 4);
    }

    @Test
    void lowStockInventoryListsOnlySkusBelowTheirThreshold() {
        String low = sku(3);
        String fine = sku(30);
        api.http.patch("/admin/v1/skus/" + low, Map.of("lowStockThreshold", 5), ADMIN);
        api.http.patch("/admin/v1/skus/" + fine, Map.of("lowStockThreshold", 5), ADMIN);
        Set<String> lowStock = allInventory("lowStock=true");
        assertThat(lowStock).contains(low).doesNotContain(fine);
        assertThat(allInventory("lowStock=false")).contains(low, fine);
        var one = api.http.get("/admin/v1/inventory/" + low, ADMIN);
        assertThat(one.number("lowStockThreshold")).isEqualTo(5);
    }

    @Test
    void ledgerPagesNewestFirst() {
        String sku = sku(1);
        for (int i = 1; i <= 4; i++) {
            adjust(sku, 1, "step " + i);
        }
        List<String> reasons = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.http.get("/admin/v1/skus/" + sku + "/stock-ledger?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), ADMIN);
            page.body().path("items").forEach(e -> reasons.add(e.path("reason").asString()));
            cursor = page.text("nextCursor");
        } while (cursor != null);
        assertThat(reasons).containsExactly("step 4", "step 3", "step 2", "step 1", "initial stock");
    }

    @Test
    void rejectsBadInventoryInputAndChangesNothing() {
        String sku = sku(5);
        int ledgerRows = jdbc.queryForObject("SELECT COUNT(*) FROM stock_ledger", Integer.class);
        String path = "/admin/v1/skus/" + sku + "/stock-adjustments";
        assertProblem(api.http.post(path, Map.of("delta", 0, "reason", "x"), ADMIN), 400, "ADJUSTMENT_DELTA_ZERO");
        assertProblem(api.http.post(path, Map.of("delta", 1), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("delta", 1, "reason", " "), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("reason", "x"), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("delta", 10_000_001, "reason", "x"), ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("delta", "lots", "reason", "x"), ADMIN), 400, "MALFORMED_REQUEST");
        assertProblem(api.http.post(path, Map.of("delta", -6, "reason", "x"), ADMIN), 409, "STOCK_INSUFFICIENT");
        assertProblem(api.http.post(path, Map.of("delta", 1, "reason", "x"), MEMBER), 403, "FORBIDDEN");
        assertProblem(api.http.post("/admin/v1/skus/123/stock-adjustments", Map.of("delta", 1, "reason", "x"), ADMIN),
                404, "SKU_NOT_FOUND");
        assertProblem(api.http.get("/admin/v1/skus/123/stock-ledger", ADMIN), 404, "SKU_NOT_FOUND");
        assertProblem(api.http.get("/admin/v1/skus/" + sku + "/stock-ledger?limit=0", ADMIN), 400, "VALIDATION_FAILED");
        assertProblem(api.http.get("/admin/v1/inventory?cursor=abc", ADMIN), 400, "PARAMETER_INVALID");
        assertProblem(api.http.get("/admin/v1/inventory?lowStock=maybe", ADMIN), 400, "PARAMETER_INVALID");
        assertStock(sku, 5, 0, 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_ledger", Integer.class)).isEqualTo(ledgerRows);
    }

    private String sku(int stock) {
        return skuId(api.product(unique("库存")).sku(1999, stock).create(), 0);
    }

    private MallHttp.Response adjust(String sku, int delta, String reason) {
        return api.http.post("/admin/v1/skus/" + sku + "/stock-adjustments", Map.of("delta", delta, "reason", reason),
                ADMIN);
    }

    private long reserve(String sku, int quantity) {
        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                new OrderCreated(orderId, 7, List.of(new OrderLine(Long.parseLong(sku), 1, quantity, 1999)), 1999)));
        catalogEvents.await("InventoryReserved", orderId, WAIT);
        return orderId;
    }

    private void awaitStockLows(String sku, int count) {
        catalogEvents.await(e -> e.eventType().equals("StockLow") && e.aggregateId().equals(sku)
                && catalogEvents.all(x -> x.eventType().equals("StockLow") && x.aggregateId().equals(sku)).size() >= count,
                WAIT, count + " StockLow for " + sku);
    }

    private Set<String> allInventory(String query) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            var page = api.http.get("/admin/v1/inventory?limit=100&" + query
                    + (cursor == null ? "" : "&cursor=" + cursor), ADMIN);
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            page.body().path("items").forEach(i -> assertThat(ids.add(i.path("skuId").asString())).isTrue());
            cursor = page.text("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private void assertStock(String sku, int available, int reserved, int sold) {
        var stock = api.http.get("/admin/v1/inventory/" + sku, ADMIN);
        assertThat(List.of(stock.body().path("available").asInt(), stock.body().path("reserved").asInt(),
                stock.body().path("sold").asInt())).as("available, reserved, sold of " + sku)
                .containsExactly(available, reserved, sold);
    }
}
