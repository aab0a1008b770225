package com.siyu.mall.contracts.member;

/** {@code POST /internal/wallet/debits}: pay an order from the member's wallet (idempotent per order). */
public record WalletDebitRequest(Long memberId, Long orderId, Long amountFen) {
}
