package com.siyu.mall.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    static Order anOrderIn(OrderStatus status) {
        Order order = Order.place(42, "261125000000000042", 7, "key", 3998, "cipher", NOW);
        switch (status) {
            case PENDING_STOCK -> { }
            case AWAITING_PAYMENT -> order.markReserved(NOW, TIMEOUT);
            case PAID -> { order.markReserved(NOW, TIMEOUT); order.markPaid(NOW); }
            case SHIPPED -> { order.markReserved(NOW, TIMEOUT); order.markPaid(NOW); order.ship("SF", "SF123", NOW); }
            case COMPLETED -> { order.markReserved(NOW, TIMEOUT); order.markPaid(NOW); order.ship("SF", "SF123", NOW); order.complete(NOW); }
            case CANCELLED -> order.cancel(CancelReason.BY_MEMBER, NOW);
        }
        assertThat(order.getStatus()).isEqualTo(status);
        return order;
    }

    @Test
    void placedOrderWaitsForStockAtFullPrice() {
        Order order = Order.place(42, "n", 7, "key", 3998, "cipher", NOW);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING_STOCK);
        assertThat(order.getPayableFen()).isEqualTo(3998);
        assertThat(order.getPaymentDeadline()).isNull();
    }

    @Test
    void reservationStartsThePaymentDeadline() {
        Order order = anOrderIn(OrderStatus.AWAITING_PAYMENT);
        assertThat(order.getPaymentDeadline()).isEqualTo(NOW.plus(TIMEOUT));
        assertThat(order.isPaymentOverdue(NOW.plus(TIMEOUT).minusMillis(1))).isFalse();
        assertThat(order.isPaymentOverdue(NOW.plus(TIMEOUT))).isTrue();
    }

    @Test
    void paymentRecordsWhenItWasPaid() {
        Order order = anOrderIn(OrderStatus.AWAITING_PAYMENT);
        order.markPaid(NOW.plusSeconds(60));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(order.getPaidAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(order.isPaymentOverdue(NOW.plus(TIMEOUT))).isFalse();
    }

    @Test
    void cancellationKeepsItsReason() {
        Order order = anOrderIn(OrderStatus.PENDING_STOCK);
        order.cancel(CancelReason.OUT_OF_STOCK, NOW);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.getCancelReason()).isEqualTo(CancelReason.OUT_OF_STOCK);
        assertThat(order.getCancelledAt()).isEqualTo(NOW);
    }

    @Test
    void shippedOrderIsConfirmedAutomaticallyOnlyAfterTheWindow() {
        Order order = anOrderIn(OrderStatus.SHIPPED);
        Duration window = Duration.ofDays(14);
        assertThat(order.getShippedAt()).isEqualTo(NOW);
        assertThat(order.isAutoConfirmDue(NOW.plus(window).minusMillis(1), window)).isFalse();
        assertThat(order.isAutoConfirmDue(NOW.plus(window), window)).isTrue();
        order.complete(NOW.plus(window));
        assertThat(order.getCompletedAt()).isEqualTo(NOW.plus(window));
        assertThat(order.isAutoConfirmDue(NOW.plus(window.multipliedBy(2)), window)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void markReservedOnlyFromPendingStock(OrderStatus from) {
        assertMove(from, EnumSet.of(OrderStatus.PENDING_STOCK), o -> o.markReserved(NOW, TIMEOUT), OrderStatus.AWAITING_PAYMENT);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void markPaidOnlyFromAwaitingPayment(OrderStatus from) {
        assertMove(from, EnumSet.of(OrderStatus.AWAITING_PAYMENT), o -> o.markPaid(NOW), OrderStatus.PAID);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void outOfStockCancelsOnlyWhilePendingStock(OrderStatus from) {
        assertMove(from, EnumSet.of(OrderStatus.PENDING_STOCK), o -> o.cancel(CancelReason.OUT_OF_STOCK, NOW),
                OrderStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void paymentTimeoutCancelsOnlyWhileAwaitingPayment(OrderStatus from) {
        assertMove(from, EnumSet.of(OrderStatus.AWAITING_PAYMENT), o -> o.cancel(CancelReason.PAYMENT_TIMEOUT, NOW),
                OrderStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void memberCancelsOnlyBeforePayment(OrderStatus from) {
        assertMove(from, EnumSet.of(OrderStatus.PENDING_STOCK, OrderStatus.AWAITING_PAYMENT),
                o -> o.cancel(CancelReason.BY_MEMBER, NOW), OrderStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void shipOnlyFromPaid(OrderStatus from) {
        assertMove(from, EnumSet.of(OrderStatus.PAID), o -> o.ship("SF", "SF123", NOW), OrderStatus.SHIPPED);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void completeOnlyFromShipped(OrderStatus from) {
        assertMove(from, EnumSet.of(OrderStatus.SHIPPED), o -> o.complete(NOW), OrderStatus.COMPLETED);
    }

    private static void assertMove(OrderStatus from, EnumSet<OrderStatus> legal, Consumer<Order> move, OrderStatus to) {
        Order order = anOrderIn(from);
        int version = order.getVersion();
        if (legal.contains(from)) {
            move.accept(order);
            assertThat(order.getStatus()).isEqualTo(to);
            assertThat(order.getVersion()).isEqualTo(version + 1);
        } else {
            assertThatThrownBy(() -> move.accept(order)).isInstanceOf(OrderStateException.class)
                    .hasMessageContaining(from.name());
            assertThat(order.getStatus()).as("an illegal move changes nothing").isEqualTo(from);
            assertThat(order.getVersion()).isEqualTo(version);
        }
    }
}
