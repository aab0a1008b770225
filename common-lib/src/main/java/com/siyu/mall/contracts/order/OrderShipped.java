package com.siyu.mall.contracts.order;

import java.time.Instant;

/** The operator handed a paid order to a carrier. */
public record OrderShipped(long orderId, long memberId, String carrier, String trackingNo, Instant shippedAt) {
}
