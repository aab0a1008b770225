package com.siyu.mall.contracts.order;

import java.time.Instant;
import java.util.List;

/** Payment for an order was confirmed; its reserved stock becomes sold. */
public record OrderPaid(long orderId, long memberId, List<OrderLine> lines, long payableFen, String channel,
        Instant paidAt) {
}
