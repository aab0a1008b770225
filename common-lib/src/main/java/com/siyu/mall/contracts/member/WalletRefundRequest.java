package com.siyu.mall.contracts.member;

/** {@code POST /internal/wallet/refunds}: give back (part of) an order's debit, idempotent per refund id. */
public record WalletRefundRequest(Long memberId, Long orderId, Long refundId, Long amountFen) {
}
