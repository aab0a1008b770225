package com.siyu.mall.member.lifecycle;

import java.time.Instant;

/** What the lifecycle stage is computed from: the member's distinct paid orders, overall and in the loyalty window. */
record PaidHistory(long paidOrders, Instant lastPaidAt, long ordersInWindow, long paidFenInWindow) {

    static final PaidHistory NONE = new PaidHistory(0, null, 0, 0);
}
