package com.siyu.mall.member.level;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.member.MemberLevelChanged;
import com.siyu.mall.member.config.MemberProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growth value and the tier it reaches. The tier is derived from the growth value and the current tier table, so
 * an admin's threshold change applies to everyone at once (without MemberLevelChanged events).
 */
@Service
public class Levels {

    static final RowMapper<Tier> TIER = (rs, n) -> new Tier(rs.getString("code"), rs.getString("name"),
            rs.getLong("growth_threshold"), rs.getInt("discount_percent"), rs.getBigDecimal("points_multiplier"),
            rs.getBoolean("free_shipping"), rs.getObject("birthday_coupon_template_id", Long.class));

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final long fenPerGrowth;

    Levels(JdbcTemplate jdbc, Outbox outbox, Clock clock, MemberProperties props) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.fenPerGrowth = props.points().fenPerPoint();
    }

    public String levelCodeOf(long memberId) {
        return tierOf(memberId).code();
    }

    public Tier tierOf(long memberId) {
        return tiers().tierFor(growthOf(memberId));
    }

    MyLevelView myLevel(long memberId) {
        return MyLevelView.of(tiers(), growthOf(memberId));
    }

    /**
     * Adds one growth point per whole yuan paid, once per order (the unique growth record decides), and records
     * MemberLevelChanged when the tier changes. Runs in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addGrowthForPaidOrder(long memberId, long orderId, long payableFen) {
        long delta = payableFen / fenPerGrowth;
        Timestamp now = Timestamp.from(clock.instant());
        int recorded = jdbc.update("INSERT IGNORE INTO growth_record (id, member_id, order_id, kind, delta, created_at) "
                + "VALUES (?, ?, ?, 'ORDER_PAID', ?, ?)", IdWorker.getId(), memberId, orderId, delta, now);
        if (recorded == 0 || delta == 0) {
            return;
        }
        Tiers tiers = tiers();
        long before = growthOf(memberId);
        jdbc.update("INSERT INTO member_growth (member_id, growth, updated_at) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE growth = growth + ?, updated_at = ?", memberId, delta, now, delta, now);
        String from = tiers.tierFor(before).code();
        String to = tiers.tierFor(before + delta).code();
        if (!from.equals(to)) {
            outbox.publish(Topics.MEMBER, "Member", memberId, new MemberLevelChanged(memberId, from, to));
        }
    }

    /**
     * Takes back one growth point per whole refunded yuan ({@code delta}, already worked out by the caller), once per
     * refund: {@code growth_record} holds it with kind ORDER_REFUNDED and the refund id in {@code order_id}. The tier is
     * derived from growth, so a refund can lower it, with MemberLevelChanged. Never below 0. Runs in the caller's
     * transaction; returns the growth taken back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long takeBackGrowthForRefund(long memberId, long refundId, long delta) {
        long before = growthOf(memberId);
        long taken = Math.min(Math.max(0, delta), before);
        Timestamp now = Timestamp.from(clock.instant());
        int recorded = jdbc.update("INSERT IGNORE INTO growth_record (id, member_id, order_id, kind, delta, created_at) "
                + "VALUES (?, ?, ?, 'ORDER_REFUNDED', ?, ?)", IdWorker.getId(), memberId, refundId, -taken, now);
        if (recorded == 0 || taken == 0) {
            return 0;
        }
        Tiers tiers = tiers();
        jdbc.update("UPDATE member_growth SET growth = growth - ?, updated_at = ? WHERE member_id = ?", taken, now, memberId);
        String from = tiers.tierFor(before).code();
        String to = tiers.tierFor(before - taken).code();
        if (!from.equals(to)) {
            outbox.publish(Topics.MEMBER, "Member", memberId, new MemberLevelChanged(memberId, from, to));
        }
        return taken;
    }

    long growthOf(long memberId) {
        List<Long> growth = jdbc.queryForList("SELECT growth FROM member_growth WHERE member_id = ?", Long.class, memberId);
        return growth.isEmpty() ? 0 : growth.get(0);
    }

    Tiers tiers() {
        return new Tiers(jdbc.query("SELECT * FROM member_level", TIER));
    }
}
