package com.siyu.mall.member.points;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only points ledger: rows are only ever inserted, and every balance is a sum over them. Writers lock the
 * member row ({@code MemberLocks}) before reading a balance they are about to change.
 */
@Component
class Ledger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Ledger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Row(long memberId, Bucket bucket, String kind, long delta, Long refId, Instant expiresAt, String reason,
            String actor) {
    }

    long append(Row row) {
        long id = IdWorker.getId();
        jdbc.update("INSERT INTO points_ledger (id, member_id, bucket, kind, delta, ref_id, expires_at, reason, actor, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, row.memberId(), row.bucket().name(),
                row.kind(), row.delta(), row.refId(), row.expiresAt() == null ? null : Timestamp.from(row.expiresAt()),
                row.reason(), row.actor(), Timestamp.from(clock.instant()));
        return id;
    }

    Map<Bucket, Long> sums(long memberId) {
        Map<Bucket, Long> sums = new EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            sums.put(bucket, 0L);
        }
        jdbc.query("SELECT bucket, SUM(delta) AS total FROM points_ledger WHERE member_id = ? GROUP BY bucket",
                rs -> {
                    sums.put(Bucket.valueOf(rs.getString("bucket")), rs.getLong("total"));
                }, memberId);
        return sums;
    }

    long available(long memberId) {
        return sums(memberId).get(Bucket.AVAILABLE);
    }

    /** The sum of one order's rows in one bucket, e.g. the points still pending for an order. */
    long sumFor(long memberId, long orderId, Bucket bucket) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE member_id = ? AND ref_id = ? "
                + "AND bucket = ?", Long.class, memberId, orderId, bucket.name());
    }

    /** The sum of one order's rows of one kind in one bucket, e.g. the points an order earned. */
    long sumFor(long memberId, long orderId, Bucket bucket, String kind) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE member_id = ? AND ref_id = ? "
                + "AND bucket = ? AND kind = ?", Long.class, memberId, orderId, bucket.name(), kind);
    }

    /** Pending points of an order that refunds took back (their rows carry the refund id, see order_refund). */
    long pendingReversedByRefunds(long orderId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(pending_reversed), 0) FROM order_refund WHERE order_id = ?",
                Long.class, orderId);
    }

    /** Claims the expiry of one member's credits at one moment; false when a run claimed it already. */
    boolean claimExpiry(long memberId, Instant expiresAt) {
        return jdbc.update("INSERT IGNORE INTO points_expiry (member_id, expires_at, points, created_at) VALUES (?, ?, 0, ?)",
                memberId, Timestamp.from(expiresAt), Timestamp.from(clock.instant())) == 1;
    }

    void recordExpired(long memberId, Instant expiresAt, long points) {
        jdbc.update("UPDATE points_expiry SET points = ? WHERE member_id = ? AND expires_at = ?", points, memberId,
                Timestamp.from(expiresAt));
    }

    /** Up to {@code limit} (member, expiry moment) pairs due by {@code now} that no run has claimed, oldest first. */
    List<Due> dueExpiries(Instant now, int limit) {
        return jdbc.query("SELECT DISTINCT l.member_id, l.expires_at FROM points_ledger l WHERE l.bucket = 'AVAILABLE' "
                + "AND l.delta > 0 AND l.expires_at <= ? AND NOT EXISTS (SELECT 1 FROM points_expiry e "
                + "WHERE e.member_id = l.member_id AND e.expires_at = l.expires_at) ORDER BY l.expires_at, l.member_id "
                + "LIMIT ?", (rs, n) -> new Due(rs.getLong("member_id"), rs.getTimestamp("expires_at").toInstant()),
                Timestamp.from(now), limit);
    }

    record Due(long memberId, Instant expiresAt) {
    }

    boolean exists(long refId, String kind, Bucket bucket) {
        return !jdbc.queryForList("SELECT id FROM points_ledger WHERE ref_id = ? AND kind = ? AND bucket = ?", Long.class,
                refId, kind, bucket.name()).isEmpty();
    }

    /** [all available credits that carry an expiry, those of them expiring by {@code by}]. */
    long[] earned(long memberId, Instant by) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) AS total, "
                + "COALESCE(SUM(CASE WHEN expires_at <= ? THEN delta ELSE 0 END), 0) AS soon FROM points_ledger "
                + "WHERE member_id = ? AND bucket = 'AVAILABLE' AND expires_at IS NOT NULL AND delta > 0",
                (rs, n) -> new long[] {rs.getLong("total"), rs.getLong("soon")}, Timestamp.from(by), memberId);
    }

    List<LedgerEntry> page(long memberId, Long beforeId, int limit) {
        return jdbc.query("SELECT * FROM points_ledger WHERE member_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                (rs, n) -> {
                    Timestamp expires = rs.getTimestamp("expires_at");
                    Object ref = rs.getObject("ref_id");
                    return new LedgerEntry(String.valueOf(rs.getLong("id")), rs.getString("bucket"), rs.getString("kind"),
                            rs.getLong("delta"), ref == null ? null : String.valueOf(ref), rs.getString("reason"),
                            rs.getString("actor"), expires == null ? null : expires.toInstant(),
                            rs.getTimestamp("created_at").toInstant());
                }, memberId, beforeId == null ? Long.MAX_VALUE : beforeId, limit);
    }
}
