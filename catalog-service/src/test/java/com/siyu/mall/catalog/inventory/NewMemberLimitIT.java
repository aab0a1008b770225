package com.siyu.mall.catalog.inventory;

import static com.siyu.mall.catalog.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.catalog.CatalogApi;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** NEW_MEMBERS_ONLY per-member limits, enforced by the reservation consumer under concurrency. */
@MallIntegrationTest
class NewMemberLimitIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
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
    void concurrentOrdersOfOneNewMemberForALimitOneProductReserveExactlyOne() {
        long[] gift = product(null, 10);
        long member = ThreadLocalRandom.current().nextLong(1L << 40);
        List<Long> orders = LongStream.range(0, 12).map(i -> orderId()).boxed().toList();
        orders.parallelStream().forEach(o -> created(o, member, gift, 1)); // different keys: several partitions

        List<String> outcomes = orders.stream().map(this::outcome).toList();
        assertThat(outcomes).filteredOn("InventoryReserved"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("NEW_MEMBER_LIMIT_EXCEEDED"::equals).hasSize(11);
        assertThat(held(member, gift[1])).isEqualTo(1);
        assertThat(stock(gift[0])).containsExactly(9, 1);

        // cancelling the reserved order gives the allowance back
        long reserved = orders.get(outcomes.indexOf("InventoryReserved"));
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", reserved,
                new OrderCancelled(reserved, member, List.of(line(gift, 1)), "BY_MEMBER")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(held(member, gift[1])).isZero());
        long again = orderId();
        created(again, member, gift, 1);
        assertThat(outcome(again)).isEqualTo("InventoryReserved");
        assertThat(held(member, gift[1])).isEqualTo(1);
        StockAssertions.assertConserved(jdbc, gift[0], 10);
    }

    @Test
    void limitCountsUnitsPerMemberAndOtherMembersHaveTheirOwn() {
        long[] gift = product(2, 10);
        long member = ThreadLocalRandom.current().nextLong(1L << 40);
        long first = orderId();
        created(first, member, gift, 2);
        assertThat(outcome(first)).isEqualTo("InventoryReserved");
        long second = orderId();
        created(second, member, gift, 1);
        assertThat(outcome(second)).isEqualTo("NEW_MEMBER_LIMIT_EXCEEDED");
        long other = orderId();
        created(other, member + 1, gift, 2);
        assertThat(outcome(other)).isEqualTo("InventoryReserved");
        assertThat(stock(gift[0])).containsExactly(6, 4);
    }

    /** {skuId, spuId} of a new-members-only product with one SKU. */
    private long[] product(Integer perMemberLimit, int stock) {
        var builder = api.product(unique("gift")).with("audience", "NEW_MEMBERS_ONLY").sku(990, stock);
        if (perMemberLimit != null) {
            builder.with("perMemberLimit", perMemberLimit);
        }
        MallHttp.Response created = builder.create();
        return new long[] {Long.parseLong(CatalogApi.skuId(created, 0)), Long.parseLong(created.text("spuId"))};
    }

    private static void created(long orderId, long member, long[] sku, int quantity) {
        EventCollector.publish(Topics.ORDER, EventCollector.envelope("Order", orderId,
                new OrderCreated(orderId, member, List.of(line(sku, quantity)), 990L * quantity)));
    }

    private String outcome(long orderId) {
        EventEnvelope e = catalogEvents.await(x -> x.aggregateId().equals(String.valueOf(orderId))
                && x.eventType().startsWith("InventoryReserv"), WAIT, "outcome of " + orderId);
        return e.eventType().equals("InventoryReserved") ? "InventoryReserved" : e.payload().path("reason").asString();
    }

    private int held(long member, long spu) {
        return jdbc.queryForList("SELECT quantity FROM member_spu_purchase WHERE member_id = ? AND spu_id = ?",
                Integer.class, member, spu).stream().findFirst().orElse(0);
    }

    private List<Integer> stock(long sku) {
        return jdbc.queryForObject("SELECT available, reserved FROM sku_stock WHERE sku_id = ?",
                (rs, i) -> List.of(rs.getInt(1), rs.getInt(2)), sku);
    }

    private static OrderLine line(long[] sku, int quantity) {
        return new OrderLine(sku[0], sku[1], quantity, 990);
    }

    private static long orderId() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }
}
