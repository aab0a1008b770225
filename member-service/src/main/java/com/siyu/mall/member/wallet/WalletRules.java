package com.siyu.mall.member.wallet;

import java.math.BigInteger;

/**
 * How money splits between principal (what the member paid in) and bonus (what a recharge plan gave on top).
 *
 * <ul>
 *   <li>A debit spends both in proportion to the balance: bonus part = floor(amount × bonus / balance), principal
 *       takes the remainder. Rounding favours the principal side being spent, never more than there is.</li>
 *   <li>A refund restores the debit's own proportion, cumulatively: after refunds totalling r of a debit of A of
 *       which B was bonus, the refunded bonus is floor(r × B / A). So partial refunds never drift and a full refund
 *       restores exactly the principal and bonus that were spent.</li>
 * </ul>
 */
public final class WalletRules {

    public record Split(long principalFen, long bonusFen) {

        public long total() {
            return principalFen + bonusFen;
        }
    }

    private WalletRules() {
    }

    public static Split debit(long amountFen, long principalFen, long bonusFen) {
        long balance = principalFen + bonusFen;
        if (amountFen <= 0 || amountFen > balance) {
            throw new IllegalArgumentException("debit of " + amountFen + " from a balance of " + balance);
        }
        long bonus = mulDiv(amountFen, bonusFen, balance);
        return new Split(amountFen - bonus, bonus);
    }

    public static Split refund(long debitFen, long debitBonusFen, long refundedFen, long refundedBonusFen,
            long amountFen) {
        if (amountFen <= 0 || refundedFen + amountFen > debitFen) {
            throw new IllegalArgumentException("refund of " + amountFen + " exceeds what is left of " + debitFen);
        }
        long bonus = mulDiv(refundedFen + amountFen, debitBonusFen, debitFen) - refundedBonusFen;
        return new Split(amountFen - bonus, bonus);
    }

    /** floor(a × b / c) without overflow. */
    private static long mulDiv(long a, long b, long c) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }
}
