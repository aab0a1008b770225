package com.siyu.mall.member.paidorder;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.inbox.Inbox;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderCompleted;
import com.siyu.mall.contracts.order.OrderPaid;
import com.siyu.mall.contracts.order.OrderRefunded;
import com.siyu.mall.member.card.MemberCards;
import com.siyu.mall.member.wallet.OrderDebits;
import com.siyu.mall.member.level.Levels;
import com.siyu.mall.member.level.Tier;
import com.siyu.mall.member.lifecycle.Lifecycles;
import com.siyu.mall.member.member.MemberLocks;
import com.siyu.mall.member.points.Points;
import com.siyu.mall.member.segment.Tags;
import java.math.BigDecimal;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order events, each applied once (inbox), in one transaction with the member row locked:
 * paid → growth (and level), pending points, lifecycle, preference tags; completed → the order's pending points
 * become available; refunded → the refunded share of points and growth taken back (maybe a lower level).
 * OrderCancelled after payment is not expected (a paid order is refunded instead) and, like other types, is ignored.
 */
@Component
class OrderEventHandler {

    private final EventJson events;
    private final Inbox inbox;
    private final MemberLocks locks;
    private final Levels levels;
    private final Points points;
    private final Lifecycles lifecycles;
    private final Tags tags;
    private final RefundReversals refunds;
    private final MemberCards cards;
    private final OrderDebits wallet;

    OrderEventHandler(EventJson events, Inbox inbox, MemberLocks locks, Levels levels, Points points,
            Lifecycles lifecycles, Tags tags, RefundReversals refunds, MemberCards cards, OrderDebits wallet) {
        this.refunds = refunds;
        this.wallet = wallet;
        this.events = events;
        this.inbox = inbox;
        this.locks = locks;
        this.levels = levels;
        this.points = points;
        this.lifecycles = lifecycles;
        this.tags = tags;
        this.cards = cards;
    }

    @KafkaListener(topics = Topics.ORDER, groupId = "${spring.application.name}")
    void on(String message) {
        EventEnvelope event = events.read(message);
        switch (event.eventType()) {
            case "OrderPaid" -> inbox.once(event, () -> paid(events.payload(event, OrderPaid.class)));
            case "OrderCompleted" -> inbox.once(event, () -> completed(events.payload(event, OrderCompleted.class)));
            case "OrderRefunded" -> inbox.once(event, () -> refunded(events.payload(event, OrderRefunded.class)));
            case "OrderCancelled" -> inbox.once(event, () -> cancelled(events.payload(event, OrderCancelled.class)));
            default -> { }
        }
    }

    /**
     * Points use the multiplier of the level the member held when paying (before this order's growth), times that of
     * the paid card in force at the payment time.
     */
    private void paid(OrderPaid paid) {
        locks.lock(paid.memberId());
        Tier tier = levels.tierOf(paid.memberId());
        levels.addGrowthForPaidOrder(paid.memberId(), paid.orderId(), paid.payableFen());
        BigDecimal multiplier = cards.inForceAt(paid.memberId(), paid.paidAt())
                .map(card -> tier.pointsMultiplier().multiply(card.benefits().pointsMultiplier()))
                .orElse(tier.pointsMultiplier());
        points.earnPending(paid.memberId(), paid.orderId(), paid.payableFen(), multiplier);
        lifecycles.recordPaidOrder(paid.memberId(), paid.orderId(), paid.payableFen(), paid.paidAt());
        tags.recordPurchase(paid.memberId(), paid.orderId(), paid.lines());
    }

    private void refunded(OrderRefunded refunded) {
        locks.lock(refunded.memberId());
        refunds.apply(refunded);
        if ("WALLET".equals(refunded.channel())) {
            wallet.refundFromEvent(refunded.memberId(), refunded.orderId(), refunded.refundId(), refunded.amountFen());
        }
    }

    /** A cancelled order takes no wallet debit any more, and gets back one that raced its cancellation. */
    private void cancelled(OrderCancelled cancelled) {
        wallet.closeOrder(cancelled.memberId(), cancelled.orderId());
    }

    private void completed(OrderCompleted completed) {
        points.makeAvailable(completed.memberId(), completed.orderId(), completed.completedAt());
    }
}
