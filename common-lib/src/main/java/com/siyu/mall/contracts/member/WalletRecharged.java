package com.siyu.mall.contracts.member;

import java.time.Instant;

/** A recharge was paid and credited: principal (what was paid) and bonus are kept apart; balance after it. */
public record WalletRecharged(long memberId, long rechargeId, long principalFen, long bonusFen, long balanceFen,
        Instant rechargedAt) {
}
