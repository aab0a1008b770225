package com.siyu.mall.member.paidorder;

import com.siyu.mall.contracts.order.OrderRefunded;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.level.Levels;
import com.siyu.mall.member.points.Points;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes back what a refunded part of a paid order earned: its share of the order's points (pending first, then
 * available, never below 0; what was already spent is recorded as the shortfall and not pursued) and one growth
 * point per refunded whole yuan (on the order's cumulative refunded money, so partial refunds add up exactly to a
 * full one). Once per refund id ({@code order_refund}), besides the inbox.
 */
@Component
class RefundReversals {

    private static final Logger log = LoggerFactory.getLogger(RefundReversals.class);

    private final JdbcTemplate jdbc;
    private final Points points;
    private final Levels levels;
    private final MemberProperties props;
    private final Clock clock;

    RefundReversals(JdbcTemplate jdbc, Points points, Levels levels, MemberProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.points = points;
        this.levels = levels;
        this.props = props;
        this.clock = clock;
    }

    /** The caller locked the member. */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(OrderRefunded refund) {
        int recorded = jdbc.update("INSERT IGNORE INTO order_refund (refund_id, order_id, member_id, amount_fen, "
                + "points_reversed, pending_reversed, points_shortfall, growth_reversed, created_at) "
                + "VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?)", refund.refundId(), refund.orderId(), refund.memberId(),
                Math.max(0, refund.amountFen()), Timestamp.from(clock.instant()));
        if (recorded == 0) {
            return;
        }
        List<Long> payable = jdbc.queryForList("SELECT payable_fen FROM paid_order WHERE order_id = ? AND member_id = ?",
                Long.class, refund.orderId(), refund.memberId());
        if (payable.isEmpty()) {
            log.warn("OrderRefunded {} for order {} that this member never paid: nothing to take back",
                    refund.refundId(), refund.orderId());
            return;
        }
        long before = jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM order_refund WHERE order_id = ? "
                + "AND refund_id <> ?", Long.class, refund.orderId(), refund.refundId());
        Points.Reversal reversal = points.reverseForRefund(refund.memberId(), refund.orderId(), refund.refundId(),
                payable.get(0), before, refund.amountFen());
        long growth = levels.takeBackGrowthForRefund(refund.memberId(), refund.refundId(),
                growthReversed(props.points().fenPerPoint(), payable.get(0), before, refund.amountFen()));
        jdbc.update("UPDATE order_refund SET points_reversed = ?, pending_reversed = ?, points_shortfall = ?, "
                + "growth_reversed = ? WHERE refund_id = ?", reversal.reversed(), reversal.fromPending(),
                reversal.shortfall(), growth, refund.refundId());
        if (reversal.shortfall() > 0) {
            log.info("refund {} of order {}: {} point(s) were spent already and could not be taken back",
                    refund.refundId(), refund.orderId(), reversal.shortfall());
        }
    }

    /** Whole yuan that this refund adds to the order's cumulative refunded money (capped at what was paid). */
    static long growthReversed(long fenPerGrowth, long payableFen, long refundedBeforeFen, long refundFen) {
        long before = Math.min(payableFen, Math.max(0, refundedBeforeFen));
        long after = Math.min(payableFen, before + Math.max(0, refundFen));
        return after / fenPerGrowth - before / fenPerGrowth;
    }
}
