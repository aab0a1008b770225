package com.siyu.mall.member.points;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.member.MemberLocks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Balances, order earnings (pending until the order completes) and admin adjustments. */
@Service
public class Points {

    private static final Logger log = LoggerFactory.getLogger(Points.class);
    static final String ORDER_PAID = "ORDER_PAID";
    static final String ORDER_COMPLETED = "ORDER_COMPLETED";
    static final String ORDER_REFUNDED = "ORDER_REFUNDED";

    private final Ledger ledger;
    private final MemberLocks locks;
    private final Clock clock;
    private final MemberProperties props;

    Points(Ledger ledger, MemberLocks locks, Clock clock, MemberProperties props) {
        this.ledger = ledger;
        this.locks = locks;
        this.clock = clock;
        this.props = props;
    }

    Balances balances(long memberId) {
        Map<Bucket, Long> sums = ledger.sums(memberId);
        long available = sums.get(Bucket.AVAILABLE);
        long[] earned = ledger.earned(memberId, clock.instant().plus(props.points().expiringSoonWindow()));
        return new Balances(available, sums.get(Bucket.PENDING), PointsRules.expiringBy(available, earned[0], earned[1]));
    }

    LedgerPage page(long memberId, String cursor, int limit) {
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw MallException.badRequest("CURSOR_INVALID", "cursor must be a value returned as nextCursor");
            }
        }
        List<LedgerEntry> rows = ledger.page(memberId, before, limit + 1);
        boolean more = rows.size() > limit;
        List<LedgerEntry> items = more ? rows.subList(0, limit) : rows;
        return new LedgerPage(items, more ? items.get(items.size() - 1).id() : null);
    }

    /** A birthday reward, available at once, expiring like other earned points. The caller locked the member. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void creditBirthday(long memberId, int year, long points) {
        if (points > 0) {
            ledger.append(new Ledger.Row(memberId, Bucket.AVAILABLE, "BIRTHDAY", points, null,
                    expiresAt(clock.instant()), "birthday " + year, null));
        }
    }

    /** Points for a paid order, pending until it completes; once per order. The caller locked the member. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void earnPending(long memberId, long orderId, long payableFen, BigDecimal multiplier) {
        long points = PointsRules.earned(payableFen, props.points().fenPerPoint(), multiplier);
        if (points > 0 && !ledger.exists(orderId, ORDER_PAID, Bucket.PENDING)) {
            ledger.append(new Ledger.Row(memberId, Bucket.PENDING, ORDER_PAID, points, orderId, null, null, null));
        }
    }

    /** Moves an order's pending points to available, with their expiry. A second call finds nothing pending. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void makeAvailable(long memberId, long orderId, Instant completedAt) {
        locks.lock(memberId);
        // refunds before completion took some of it back with rows of their own (ref = refund id)
        long pending = ledger.sumFor(memberId, orderId, Bucket.PENDING) - ledger.pendingReversedByRefunds(orderId);
        if (pending <= 0) {
            return;
        }
        Instant earnedAt = completedAt == null ? clock.instant() : completedAt;
        ledger.append(new Ledger.Row(memberId, Bucket.PENDING, ORDER_COMPLETED, -pending, orderId, null, null, null));
        ledger.append(new Ledger.Row(memberId, Bucket.AVAILABLE, ORDER_COMPLETED, pending, orderId, expiresAt(earnedAt),
                null, null));
    }

    /**
     * Expires what is still unspent of the credits that expire at {@code expiresAt}, once per member and moment
     * ({@code points_expiry}; a second or concurrent run inserts nothing and writes nothing). Spending is attributed
     * to the earliest-expiring credits first ({@link PointsRules#expiringBy}), so what is left of the old credits is
     * {@code earnedExpiringBy(expiresAt) − consumed}, where consumed (spent, reserved, deducted, refunded, expired
     * before) is every expiring credit minus the available balance. Returns the points expired.
     */
    @Transactional
    public long expire(long memberId, Instant expiresAt) {
        locks.lock(memberId);
        if (!ledger.claimExpiry(memberId, expiresAt)) {
            return 0;
        }
        long available = ledger.available(memberId);
        long[] earned = ledger.earned(memberId, expiresAt);
        long expired = PointsRules.expiringBy(available, earned[0], earned[1]);
        if (expired > 0) {
            ledger.append(new Ledger.Row(memberId, Bucket.AVAILABLE, "EXPIRED", -expired, null, null,
                    "expired at " + expiresAt.atZone(props.zone()).toLocalDate(), null));
            ledger.recordExpired(memberId, expiresAt, expired);
        }
        return expired;
    }

    /** What a refund took back and what it could not (points already spent). */
    public record Reversal(long reversed, long fromPending, long shortfall) {
    }

    /**
     * Takes back the share of an order's points a refund owes ({@link PointsRules#reversedByRefund}): first from what
     * is still pending for the order, then from the available balance, never below 0; the rest is the shortfall,
     * recorded by the caller and not owed later (the member spent those points before the refund). Rows use the
     * refund id as ref (kind ORDER_REFUNDED), once per refund. The caller locked the member.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Reversal reverseForRefund(long memberId, long orderId, long refundId, long payableFen, long refundedBeforeFen,
            long refundFen) {
        long earned = ledger.sumFor(memberId, orderId, Bucket.PENDING, ORDER_PAID);
        long owed = PointsRules.reversedByRefund(earned, payableFen, refundedBeforeFen, refundFen);
        if (owed <= 0 || ledger.exists(refundId, ORDER_REFUNDED, Bucket.AVAILABLE)
                || ledger.exists(refundId, ORDER_REFUNDED, Bucket.PENDING)) {
            return new Reversal(0, 0, 0);
        }
        long stillPending = ledger.sumFor(memberId, orderId, Bucket.PENDING) - ledger.pendingReversedByRefunds(orderId);
        long fromPending = Math.min(owed, Math.max(0, stillPending));
        if (fromPending > 0) {
            ledger.append(new Ledger.Row(memberId, Bucket.PENDING, ORDER_REFUNDED, -fromPending, refundId, null,
                    "refund of order " + orderId, null));
        }
        long fromAvailable = Math.min(owed - fromPending, Math.max(0, ledger.available(memberId)));
        if (fromAvailable > 0) {
            ledger.append(new Ledger.Row(memberId, Bucket.AVAILABLE, ORDER_REFUNDED, -fromAvailable, refundId, null,
                    "refund of order " + orderId, null));
        }
        return new Reversal(fromPending + fromAvailable, fromPending, owed - fromPending - fromAvailable);
    }

    /** An operator's correction; never takes available points below 0 (409 POINTS_INSUFFICIENT). */
    @Transactional
    LedgerEntry adjust(long memberId, long delta, String reason, String actor) {
        if (delta == 0) {
            throw MallException.badRequest("VALIDATION_FAILED", "delta must not be 0");
        }
        locks.lock(memberId);
        long available = ledger.available(memberId);
        if (available + delta < 0) {
            throw MallException.conflict("POINTS_INSUFFICIENT", "the member has " + available + " points available");
        }
        long id = ledger.append(new Ledger.Row(memberId, Bucket.AVAILABLE, "ADJUSTMENT", delta, null,
                delta > 0 ? expiresAt(clock.instant()) : null, reason.trim(), actor));
        log.info("points adjusted: member={} delta={} actor={} reason={}", memberId, delta, actor, reason);
        return ledger.page(memberId, id + 1, 1).get(0);
    }

    Instant expiresAt(Instant earnedAt) {
        return PointsRules.expiresAt(earnedAt, props.zone(), props.points().expiryYearsAfter());
    }
}
