package com.siyu.mall.member.wallet;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderRefunded;
import com.siyu.mall.member.MemberApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The wallet side of order events: a debit that raced its order's cancellation comes back once, a debit after the
 * cancellation is refused, and an {@code OrderRefunded} paid from the wallet goes back to it once.
 */
@MallIntegrationTest
class WalletOrderEventsIT {

    private static final OrderLine LINE = new OrderLine(1, 1, 1, 500);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MemberApi api;
    MemberApi.LoggedIn member;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        member = api.newMember();
        var recharge = api.http.post("/api/v1/wallet/recharges", Map.of("amountFen", 1_000), member.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(recharge.status()).as(recharge.raw()).isEqualTo(202);
        awaitBalance(1_000);
    }

    @Test
    void aDebitThatRacedTheCancellationIsRefundedOnceUnderRedelivery() {
        long orderId = IdWorker.getId();
        assertThat(debit(orderId, 300).status()).isEqualTo(200);
        assertThat(balance()).isEqualTo(700);

        EventEnvelope cancelled = envelope(new OrderCancelled(orderId, member.id(), List.of(LINE), "PAYMENT_TIMEOUT"));
        publish(cancelled);
        publish(cancelled);
        publish(envelope(new OrderCancelled(orderId, member.id(), List.of(LINE), "PAYMENT_TIMEOUT"))); // new event id
        awaitBalance(1_000);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet_refund WHERE order_id = ?", Integer.class, orderId))
                .isEqualTo(1);
        assertThat(debit(orderId, 300).status()).as("a repeat is the same debit, nothing moves").isEqualTo(200);
        assertThat(balance()).isEqualTo(1_000);
    }

    @Test
    void aDebitAfterTheCancellationIsRefusedAndTakesNothing() {
        long orderId = IdWorker.getId();
        publish(envelope(new OrderCancelled(orderId, member.id(), List.of(LINE), "BY_MEMBER")));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM wallet_debit WHERE order_id = ? AND closed_at IS NOT NULL", Integer.class, orderId) == 1);

        assertProblem(debit(orderId, 300), 409, "ORDER_CLOSED");
        assertThat(balance()).isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet_ledger WHERE member_id = ? AND kind = 'DEBIT'",
                Integer.class, member.id())).isZero();
    }

    @Test
    void aWalletRefundEventGoesBackToTheWalletOnce() {
        long orderId = IdWorker.getId();
        assertThat(debit(orderId, 500).status()).isEqualTo(200);
        long refundId = IdWorker.getId();
        EventEnvelope refunded = envelope(new OrderRefunded(orderId, member.id(), refundId, List.of(LINE), 200, "WALLET"));
        publish(refunded);
        publish(refunded);
        awaitBalance(700);
        // a MOCK refund is the provider's business: the wallet does not move
        EventEnvelope mock = envelope(new OrderRefunded(orderId, member.id(), IdWorker.getId(), List.of(LINE), 100, "MOCK"));
        EventEnvelope again = envelope(new OrderRefunded(orderId, member.id(), refundId, List.of(LINE), 200, "WALLET"));
        publish(mock);
        publish(again); // the same refund id in a new event
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id IN (?, ?)", Integer.class,
                mock.eventId().toString(), again.eventId().toString()) == 2);
        assertThat(balance()).isEqualTo(700);
    }

    private MallHttp.Response debit(long orderId, long amountFen) {
        return api.http.post("/internal/wallet/debits", Map.of("memberId", member.id(), "orderId", orderId,
                "amountFen", amountFen), member.token());
    }

    private long balance() {
        return api.http.get("/api/v1/wallet", member.token()).number("balanceFen");
    }

    private void awaitBalance(long fen) {
        await().atMost(Duration.ofSeconds(10)).until(() -> balance() == fen);
    }

    private EventEnvelope envelope(Object payload) {
        return EventCollector.envelope("Order", member.id(), payload);
    }

    private static void publish(EventEnvelope envelope) {
        EventCollector.publish(Topics.ORDER, envelope);
    }
}
