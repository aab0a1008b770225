package com.siyu.mall.member.lifecycle;

import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.member.MemberLifecycleChanged;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle stage, kept in {@code member_lifecycle} (no row: NEW) and recomputed from the distinct paid orders
 * whenever one arrives and by the daily job. A change records MemberLifecycleChanged.
 */
@Service
public class Lifecycles {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final MemberLocks locks;
    private final Clock clock;
    private final LifecycleRules rules;

    Lifecycles(JdbcTemplate jdbc, Outbox outbox, MemberLocks locks, Clock clock, MemberProperties props) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.locks = locks;
        this.clock = clock;
        this.rules = new LifecycleRules(props.lifecycle());
    }

    public Stage stageOf(long memberId) {
        List<String> stage = jdbc.queryForList("SELECT stage FROM member_lifecycle WHERE member_id = ?", String.class,
                memberId);
        return stage.isEmpty() ? Stage.NEW : Stage.valueOf(stage.get(0));
    }

    /** Counts each order once (its id is the key), then recomputes the stage. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordPaidOrder(long memberId, long orderId, long payableFen, Instant paidAt) {
        Instant now = clock.instant();
        int inserted = jdbc.update("INSERT IGNORE INTO paid_order (order_id, member_id, payable_fen, paid_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", orderId, memberId, payableFen, Timestamp.from(paidAt == null ? now : paidAt),
                Timestamp.from(now));
        if (inserted == 1) {
            reassess(memberId, now);
        }
    }

    /** Recomputes one member's stage as of {@code now}; true when it changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reassess(long memberId, Instant now) {
        locks.lock(memberId);
        Stage current = stageOf(memberId);
        Stage next = rules.stageFor(history(memberId, now), now);
        if (next == current) {
            return false;
        }
        jdbc.update("INSERT INTO member_lifecycle (member_id, stage, updated_at) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE stage = ?, updated_at = ?", memberId, next.name(), Timestamp.from(now),
                next.name(), Timestamp.from(now));
        outbox.publish(Topics.MEMBER, "Member", memberId, new MemberLifecycleChanged(memberId, current.name(), next.name()));
        return true;
    }

    private PaidHistory history(long memberId, Instant now) {
        Timestamp windowStart = Timestamp.from(rules.loyalWindowStart(now));
        return jdbc.queryForObject("SELECT COUNT(*) AS n, MAX(paid_at) AS last_paid, "
                + "COALESCE(SUM(CASE WHEN paid_at >= ? THEN 1 ELSE 0 END), 0) AS window_n, "
                + "COALESCE(SUM(CASE WHEN paid_at >= ? THEN payable_fen ELSE 0 END), 0) AS window_fen "
                + "FROM paid_order WHERE member_id = ?", (rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_paid");
                    return new PaidHistory(rs.getLong("n"), last == null ? null : last.toInstant(), rs.getLong("window_n"),
                            rs.getLong("window_fen"));
                }, windowStart, windowStart, memberId);
    }
}
