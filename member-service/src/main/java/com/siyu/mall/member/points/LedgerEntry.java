package com.siyu.mall.member.points;

import java.time.Instant;

/** One ledger row as the API shows it. {@code kind}: ORDER_PAID, ORDER_COMPLETED, SIGN_IN, ADJUSTMENT, RESERVED, ... */
record LedgerEntry(String id, String bucket, String kind, long delta, String orderId, String reason, String actor,
        Instant expiresAt, Instant createdAt) {
}
