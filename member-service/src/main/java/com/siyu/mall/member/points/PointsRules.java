package com.siyu.mall.member.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Earning and expiry maths. Points are whole numbers; every rounding is down, in the member's disfavour by at most 1. */
final class PointsRules {

    private PointsRules() {
    }

    /** One point per whole {@code fenPerPoint} paid (100: per yuan), times the level multiplier, rounded down. */
    static long earned(long payableFen, long fenPerPoint, BigDecimal multiplier) {
        long base = Math.max(0, payableFen) / fenPerPoint;
        return BigDecimal.valueOf(base).multiply(multiplier).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /**
     * Points earned at {@code earnedAt} expire at the end of the {@code yearsAfter}-th calendar year after the one they
     * were earned in (in {@code zone}): the instant returned is the first moment they are no longer valid.
     */
    static Instant expiresAt(Instant earnedAt, ZoneId zone, int yearsAfter) {
        int year = earnedAt.atZone(zone).getYear();
        return LocalDate.of(year + yearsAfter + 1, 1, 1).atStartOfDay(zone).toInstant();
    }

    /**
     * Available points that expire by some moment, spending the earliest-expiring points first. {@code earnedTotal}
     * is every credit that carries an expiry, {@code earnedExpiringBy} those that expire by the moment; what was
     * consumed since (spent, reserved, deducted, expired) is {@code earnedTotal - available} and is taken from the
     * earliest-expiring credits.
     */
    static long expiringBy(long available, long earnedTotal, long earnedExpiringBy) {
        long consumed = Math.max(0, earnedTotal - available);
        return Math.max(0, Math.min(available, earnedExpiringBy - consumed));
    }

    /**
     * The share of an order's {@code earned} points that a refund takes back, worked out on cumulative refunded money so
     * partial refunds never drift: {@code floor(earned × refundedAfter / payable) − floor(earned × refundedBefore /
     * payable)}, with refunded money capped at the payable. A full refund takes back exactly {@code earned}.
     */
    static long reversedByRefund(long earned, long payableFen, long refundedBeforeFen, long refundFen) {
        if (earned <= 0 || payableFen <= 0 || refundFen <= 0) {
            return 0;
        }
        long before = Math.min(payableFen, Math.max(0, refundedBeforeFen));
        long after = Math.min(payableFen, before + refundFen);
        return shareOf(earned, after, payableFen) - shareOf(earned, before, payableFen);
    }

    private static long shareOf(long earned, long refunded, long payable) {
        return BigDecimal.valueOf(earned).multiply(BigDecimal.valueOf(refunded))
                .divide(BigDecimal.valueOf(payable), 0, RoundingMode.FLOOR).longValueExact();
    }
}
