package com.siyu.mall.contracts.member;

/** The answer to a refund: principal and bonus restored in the debit's proportion, and the balance after it. */
public record WalletRefund(long memberId, long orderId, long refundId, long amountFen, long principalFen,
        long bonusFen, long balanceFen) {
}
