package com.siyu.mall.member.card;

import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.member.MemberCardActivated;
import com.siyu.mall.contracts.member.MemberCardExpired;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's paid card: its benefits are copied from the plan when bought (what was paid for). It is in force while
 * {@code startedAt <= t < expiresAt}, whether or not the expiry job has marked it EXPIRED yet.
 */
@Service
public class MemberCards {

    /** The card as the member sees it; {@code status} NONE when the member never had one. */
    public record Card(String status, String planCode, String planName, Instant startedAt, Instant expiresAt,
            Benefits benefits) {

        static final Card NONE = new Card("NONE", null, null, null, null, null);
    }

    public record Benefits(int discountPercent, BigDecimal pointsMultiplier, boolean freeShipping, int monthlyCoupons) {
    }

    private static final RowMapper<Card> CARD = (rs, n) -> new Card(rs.getString("status"), rs.getString("plan_code"),
            rs.getString("plan_name"), rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
            new Benefits(rs.getInt("discount_percent"), rs.getBigDecimal("points_multiplier"),
                    rs.getBoolean("free_shipping"), rs.getInt("monthly_coupons")));

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;

    MemberCards(JdbcTemplate jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    Card of(long memberId) {
        List<Card> found = jdbc.query("SELECT * FROM member_card WHERE member_id = ?", CARD, memberId);
        return found.isEmpty() ? Card.NONE : found.get(0);
    }

    /** The card in force at {@code at}, if any. */
    public Optional<Card> inForceAt(long memberId, Instant at) {
        return jdbc.query("SELECT * FROM member_card WHERE member_id = ? AND started_at <= ? AND expires_at > ?", CARD,
                memberId, Timestamp.from(at), Timestamp.from(at)).stream().findFirst();
    }

    /**
     * Starts or extends the member's card with {@code plan}'s benefits and records MemberCardActivated. The caller
     * locked the member; the card row is locked too, so the expiry job and a renewal never interleave.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Instant activate(long memberId, long purchaseId, CardPlans.Plan plan, String channel) {
        Instant now = clock.instant();
        List<Instant[]> current = jdbc.query("SELECT started_at, expires_at FROM member_card WHERE member_id = ? FOR UPDATE",
                (rs, n) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()}, memberId);
        CardTerms.Term term = current.isEmpty() ? CardTerms.next(null, null, plan.durationDays(), now)
                : CardTerms.next(current.get(0)[0], current.get(0)[1], plan.durationDays(), now);
        Timestamp ts = Timestamp.from(now);
        jdbc.update("""
                INSERT INTO member_card (member_id, plan_id, plan_code, plan_name, discount_percent, points_multiplier,
                    free_shipping, monthly_coupons, status, started_at, expires_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)
                ON DUPLICATE KEY UPDATE plan_id = VALUES(plan_id), plan_code = VALUES(plan_code),
                    plan_name = VALUES(plan_name), discount_percent = VALUES(discount_percent),
                    points_multiplier = VALUES(points_multiplier), free_shipping = VALUES(free_shipping),
                    monthly_coupons = VALUES(monthly_coupons), status = 'ACTIVE', started_at = VALUES(started_at),
                    expires_at = VALUES(expires_at), updated_at = VALUES(updated_at)""",
                memberId, Long.parseLong(plan.id()), plan.code(), plan.name(), plan.discountPercent(),
                plan.pointsMultiplier(), plan.freeShipping(), plan.monthlyCoupons(), Timestamp.from(term.startedAt()),
                Timestamp.from(term.expiresAt()), ts);
        jdbc.update("UPDATE card_purchase SET status = 'ACTIVATED', expires_at = ?, activated_at = ? WHERE id = ?",
                Timestamp.from(term.expiresAt()), ts, purchaseId);
        outbox.publish(Topics.MEMBER, "Member", memberId,
                new MemberCardActivated(memberId, purchaseId, plan.code(), term.renewal(), term.expiresAt(), channel));
        return term.expiresAt();
    }

    /** Members whose card ran out by {@code now} and is not marked yet. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("SELECT member_id FROM member_card WHERE status = 'ACTIVE' AND expires_at <= ? "
                + "ORDER BY expires_at LIMIT ?", Long.class, Timestamp.from(now), limit);
    }

    /**
     * Marks one card EXPIRED with MemberCardExpired, if it still is due: the conditional update decides, so with
     * several replicas (or a renewal landing meanwhile) the event is recorded once or not at all.
     */
    @Transactional
    public boolean expire(long memberId, Instant now) {
        List<Object[]> due = jdbc.query("SELECT plan_code, expires_at FROM member_card WHERE member_id = ?",
                (rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}, memberId);
        int updated = jdbc.update("UPDATE member_card SET status = 'EXPIRED', updated_at = ? WHERE member_id = ? "
                + "AND status = 'ACTIVE' AND expires_at <= ?", Timestamp.from(now), memberId, Timestamp.from(now));
        if (updated == 1 && !due.isEmpty()) {
            outbox.publish(Topics.MEMBER, "Member", memberId,
                    new MemberCardExpired(memberId, (String) due.get(0)[0], (Instant) due.get(0)[1]));
        }
        return updated == 1;
    }
}
