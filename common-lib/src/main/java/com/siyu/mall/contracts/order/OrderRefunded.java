package com.siyu.mall.contracts.order;

import java.util.List;

/**
 * Money for some lines of a paid order went back to the member ({@code refundId} is unique per refund; an order
 * may be refunded in several parts). {@code channel} is where the money went: the payment's channel, e.g.
 * {@code MOCK} or {@code WALLET}. Consumers reverse what those lines earned (points, growth, commissions).
 */
public record OrderRefunded(long orderId, long memberId, long refundId, List<OrderLine> lines, long amountFen,
        String channel) {
}
