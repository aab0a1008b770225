package com.siyu.mall.contracts.order;

import java.util.List;

/** An order was cancelled (reason: OUT_OF_STOCK, BY_MEMBER, PAYMENT_TIMEOUT); anything held for it is released. */
public record OrderCancelled(long orderId, long memberId, List<OrderLine> lines, String reason) {
}
