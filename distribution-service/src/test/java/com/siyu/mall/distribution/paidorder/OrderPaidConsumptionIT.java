package com.siyu.mall.distribution.paidorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class OrderPaidConsumptionIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recordsEachPaidOrderOnceWhateverTheBrokerRedelivers() {
        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OrderPaid paid = new OrderPaid(orderId, 7, List.of(new OrderLine(1, 2, 3, 1999)), 5997, "MOCK", paidAt);
        EventEnvelope event = EventCollector.envelope("Order", orderId, paid);
        EventCollector.publish(Topics.ORDER, event);
        EventCollector.publish(Topics.ORDER, event);
        EventEnvelope again = EventCollector.envelope("Order", orderId, paid);
        EventCollector.publish(Topics.ORDER, again);
        EventEnvelope unrelated = EventCollector.envelope("Order", orderId,
                new OrderCancelled(orderId, 7, List.of(), "BY_MEMBER"));
        EventCollector.publish(Topics.ORDER, unrelated);

        // same key, same partition: once the last one is handled, the ones before it were too
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(again.eventId()) == 1);
        assertThat(processed(event.eventId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM paid_order WHERE order_id = ?", Integer.class, orderId))
                .isEqualTo(1);

        MallHttp http = new MallHttp("http://localhost:" + port);
        var seen = http.get("/admin/v1/distribution/paid-orders/" + orderId, TestJwtIssuer.get().adminToken());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.number("payableFen")).isEqualTo(5997);
        assertThat(seen.text("orderId")).isEqualTo(String.valueOf(orderId));
        assertThat(http.get("/admin/v1/distribution/paid-orders/" + orderId, TestJwtIssuer.get().memberToken(7)).status())
                .isEqualTo(403);
        assertThat(http.get("/admin/v1/distribution/paid-orders/1", TestJwtIssuer.get().adminToken()).code())
                .isEqualTo("PAID_ORDER_NOT_FOUND");
    }

    private int processed(String eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, eventId);
    }
}
