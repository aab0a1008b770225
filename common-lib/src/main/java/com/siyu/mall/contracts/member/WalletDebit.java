package com.siyu.mall.contracts.member;

/** The answer to a debit: how the amount was split between principal and bonus, and the balance after it. */
public record WalletDebit(long memberId, long orderId, long amountFen, long principalFen, long bonusFen,
        long balanceFen) {
}
