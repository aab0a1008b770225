package com.siyu.mall.member.privacy;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.member.MemberDeleted;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * PIPL deletion: a request waits out the cooling-off (cancellable), then {@link #anonymise} removes the personal data
 * and keeps the financial records (points ledger, growth, paid orders, reservations) under the member id, which no
 * longer leads to a person.
 */
@Service
class Deletions {

    static final String REQUESTED = "REQUESTED";
    static final String CANCELLED = "CANCELLED";
    static final String DONE = "DONE";
    static final String ANONYMOUS_NICKNAME = "已注销用户";

    private final JdbcTemplate jdbc;
    private final MemberLocks locks;
    private final Outbox outbox;
    private final Clock clock;
    private final DeletionSchedule schedule;

    Deletions(JdbcTemplate jdbc, MemberLocks locks, Outbox outbox, Clock clock, MemberProperties props) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.outbox = outbox;
        this.clock = clock;
        this.schedule = new DeletionSchedule(props.deletion().coolingOff());
    }

    record DeletionView(String status, Instant requestedAt, Instant dueAt) {
    }

    /** Asking again while a request is pending returns that request (same due time). */
    @Transactional
    public DeletionView request(long memberId) {
        lockLiveMember(memberId);
        List<DeletionView> pending = pending(memberId);
        if (!pending.isEmpty()) {
            return pending.get(0);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored (DATETIME(3)), so repeats match
        Instant due = schedule.dueAt(now);
        jdbc.update("INSERT INTO member_deletion (member_id, status, requested_at, due_at) VALUES (?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE status = VALUES(status), requested_at = VALUES(requested_at), "
                + "due_at = VALUES(due_at), cancelled_at = NULL", memberId, REQUESTED, Timestamp.from(now),
                Timestamp.from(due));
        return new DeletionView(REQUESTED, now, due);
    }

    @Transactional
    public void cancel(long memberId) {
        lockLiveMember(memberId);
        int cancelled = jdbc.update("UPDATE member_deletion SET status = ?, cancelled_at = ? WHERE member_id = ? "
                + "AND status = ?", CANCELLED, Timestamp.from(clock.instant()), memberId, REQUESTED);
        if (cancelled == 0) {
            throw MallException.notFound("DELETION_NOT_FOUND", "there is no pending deletion request");
        }
    }

    /** Members whose cooling-off is over as of {@code now}. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("SELECT member_id FROM member_deletion WHERE status = ? AND due_at <= ? "
                + "ORDER BY due_at LIMIT " + limit, Long.class, REQUESTED, Timestamp.from(now));
    }

    /**
     * Anonymises one member whose request is (still) due: false when it was cancelled or done meanwhile. Phone, nickname,
     * avatar, gender, birthday, addresses, SMS codes, consents, tags and scores go; sessions are revoked; MemberDeleted
     * tells the other services to anonymise their copies.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean anonymise(long memberId, Instant now) {
        locks.lock(memberId);
        List<Timestamp> due = jdbc.queryForList("SELECT due_at FROM member_deletion WHERE member_id = ? AND status = ?",
                Timestamp.class, memberId, REQUESTED);
        if (due.isEmpty() || !schedule.isDue(due.get(0).toInstant(), now)) {
            return false;
        }
        Timestamp at = Timestamp.from(now);
        String phoneHash = jdbc.queryForObject("SELECT phone_hash FROM member WHERE id = ?", String.class, memberId);
        jdbc.update("DELETE FROM sms_code WHERE phone_hash = ?", phoneHash);
        // the phone hash keeps its unique key with a value no HMAC produces, so the phone can register anew
        jdbc.update("UPDATE member SET phone_cipher = '', phone_hash = ?, nickname = ?, avatar_url = NULL, "
                + "gender = 'UNKNOWN', birthday = NULL, deleted_at = ?, updated_at = ? WHERE id = ?",
                "deleted-" + memberId, ANONYMOUS_NICKNAME, at, at, memberId);
        jdbc.update("DELETE FROM member_address WHERE member_id = ?", memberId);
        jdbc.update("DELETE FROM member_consent WHERE member_id = ?", memberId);
        jdbc.update("DELETE FROM consent_record WHERE member_id = ?", memberId);
        jdbc.update("DELETE FROM member_tag WHERE member_id = ?", memberId);
        jdbc.update("DELETE FROM member_rfm WHERE member_id = ?", memberId);
        // the WeChat identity is personal data too; the same WeChat user can start over, like the phone
        jdbc.update("DELETE FROM member_wechat WHERE member_id = ?", memberId);
        jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL", at, memberId);
        jdbc.update("UPDATE member_deletion SET status = ?, done_at = ? WHERE member_id = ?", DONE, at, memberId);
        outbox.publish(Topics.MEMBER, "Member", memberId, new MemberDeleted(memberId));
        return true;
    }

    private List<DeletionView> pending(long memberId) {
        return jdbc.query("SELECT status, requested_at, due_at FROM member_deletion WHERE member_id = ? AND status = ?",
                (rs, n) -> new DeletionView(rs.getString("status"), rs.getTimestamp("requested_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant()), memberId, REQUESTED);
    }

    private void lockLiveMember(long memberId) {
        locks.lock(memberId);
        Boolean deleted = jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM member WHERE id = ?", Boolean.class,
                memberId);
        if (Boolean.TRUE.equals(deleted)) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
    }
}
