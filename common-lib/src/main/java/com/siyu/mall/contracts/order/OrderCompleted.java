package com.siyu.mall.contracts.order;

import java.time.Instant;
import java.util.List;

/** The member confirmed receipt, or the order was confirmed automatically after the confirmation window. */
public record OrderCompleted(long orderId, long memberId, List<OrderLine> lines, long payableFen, Instant completedAt) {
}
