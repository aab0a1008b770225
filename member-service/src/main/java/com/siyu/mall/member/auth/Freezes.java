package com.siyu.mall.member.auth;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators freeze and unfreeze members. A frozen member cannot log in (403 MEMBER_FROZEN), and freezing revokes every
 * refresh-token family, so the member's access tokens stop being renewed (they lapse within the access-token TTL).
 * Every freeze and unfreeze is recorded (who, when, why) in {@code member_freeze_record}.
 */
@Service
public class Freezes {

    private static final Logger log = LoggerFactory.getLogger(Freezes.class);

    private final JdbcTemplate jdbc;
    private final MemberLocks locks;
    private final Clock clock;

    Freezes(JdbcTemplate jdbc, MemberLocks locks, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
    }

    public boolean isFrozen(long memberId) {
        return !jdbc.queryForList("SELECT member_id FROM member_freeze WHERE member_id = ?", Long.class, memberId).isEmpty();
    }

    /** 403 MEMBER_FROZEN for a frozen member. */
    void checkNotFrozen(long memberId) {
        if (isFrozen(memberId)) {
            throw new MallException(HttpStatus.FORBIDDEN, "MEMBER_FROZEN", "this account is frozen; contact support");
        }
    }

    /** Freezing a frozen member changes nothing (the first reason stays). Returns whether it was frozen now. */
    @Transactional
    public boolean freeze(long memberId, String reason, String actor) {
        locks.lock(memberId);
        Timestamp now = Timestamp.from(clock.instant());
        int frozen = jdbc.update("INSERT IGNORE INTO member_freeze (member_id, reason, actor, frozen_at) VALUES (?, ?, ?, ?)",
                memberId, reason, actor, now);
        if (frozen == 0) {
            return false;
        }
        record(memberId, "FREEZE", reason, actor, now);
        jdbc.update("UPDATE refresh_token SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL", now, memberId);
        log.info("member frozen: member={} actor={} reason={}", memberId, actor, reason);
        return true;
    }

    /** Unfreezing a member who is not frozen changes nothing. Revoked sessions stay revoked: the member logs in again. */
    @Transactional
    public boolean unfreeze(long memberId, String reason, String actor) {
        locks.lock(memberId);
        if (jdbc.update("DELETE FROM member_freeze WHERE member_id = ?", memberId) == 0) {
            return false;
        }
        record(memberId, "UNFREEZE", reason, actor, Timestamp.from(clock.instant()));
        log.info("member unfrozen: member={} actor={} reason={}", memberId, actor, reason);
        return true;
    }

    private void record(long memberId, String action, String reason, String actor, Timestamp at) {
        jdbc.update("INSERT INTO member_freeze_record (id, member_id, action, reason, actor, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", IdWorker.getId(), memberId, action, reason, actor, at);
    }

    /** The current freeze, for the admin view: null when the member is active. */
    public FreezeStatus statusOf(long memberId) {
        return jdbc.query("SELECT reason, actor, frozen_at FROM member_freeze WHERE member_id = ?",
                rs -> rs.next() ? new FreezeStatus("FROZEN", rs.getString("reason"), rs.getString("actor"),
                        rs.getTimestamp("frozen_at").toInstant()) : new FreezeStatus("ACTIVE", null, null, null),
                memberId);
    }

    /** Every freeze and unfreeze of the member, newest first. */
    public List<FreezeRecord> records(long memberId) {
        return jdbc.query("SELECT action, reason, actor, created_at FROM member_freeze_record WHERE member_id = ? "
                + "ORDER BY id DESC", (rs, n) -> new FreezeRecord(rs.getString("action"), rs.getString("reason"),
                rs.getString("actor"), rs.getTimestamp("created_at").toInstant()), memberId);
    }

    public record FreezeRecord(String action, String reason, String actor, Instant at) {
    }

    public record FreezeStatus(String status, String reason, String frozenBy, Instant frozenAt) {
    }
}
