package com.siyu.mall.contracts.order;

import java.util.List;

/** An order was accepted and waits for stock (PENDING_STOCK); catalog reserves its lines. */
public record OrderCreated(long orderId, long memberId, List<OrderLine> lines, long totalFen) {
}
