package com.siyu.mall.order.payment;

import com.siyu.mall.contracts.member.WalletDebit;
import com.siyu.mall.contracts.member.WalletDebitRequest;
import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import org.springframework.stereotype.Component;

/**
 * The WALLET channel asks member-service to debit the member's wallet for the order, synchronously: the member waits
 * for the answer. No degraded answer and no retries (a timeout is 503; the debit is idempotent per order, so paying
 * again later is safe). member's 4xx problems (WALLET_INSUFFICIENT, …) come back as they are.
 */
@Component
class WalletDebits {

    private final MemberClient member;

    WalletDebits(MemberClient member) {
        this.member = member;
    }

    @CircuitBreaker(name = "member")
    @Bulkhead(name = "member")
    WalletDebit debit(long memberId, long orderId, long amountFen) {
        return member.debit(new WalletDebitRequest(memberId, orderId, amountFen));
    }
}
