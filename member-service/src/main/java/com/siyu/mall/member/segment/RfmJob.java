package com.siyu.mall.member.segment;

import com.siyu.mall.member.member.MemberLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily: RFM scores for every member who has paid (and is not deleted), ranked against each other, and every
 * buyer's preference tags refreshed. Quintiles need the whole population, so it is scored in memory: one row per
 * paying member (fine to the low millions; beyond that, NTILE in SQL). Safe on several replicas: writes are upserts
 * of the same values.
 */
@Component
public class RfmJob {

    private static final Logger log = LoggerFactory.getLogger(RfmJob.class);

    private final JdbcTemplate jdbc;
    private final Tags tags;
    private final MemberLocks locks;
    private final TransactionTemplate tx;
    private final Clock clock;

    RfmJob(JdbcTemplate jdbc, Tags tags, MemberLocks locks, PlatformTransactionManager txm, Clock clock) {
        this.jdbc = jdbc;
        this.tags = tags;
        this.locks = locks;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
    }

    @Scheduled(cron = "${mall.member.rfm.job-cron:0 0 4 * * *}", zone = "${mall.member.zone:Asia/Shanghai}")
    void daily() {
        run(clock.instant());
    }

    /** Scores everybody as of {@code now}; returns how many members were scored. */
    public int run(Instant now) {
        List<RfmScores.PaidSummary> buyers = jdbc.query("SELECT p.member_id, MAX(p.paid_at) AS last_paid, COUNT(*) AS n, "
                + "SUM(p.payable_fen) AS fen FROM paid_order p JOIN member m ON m.id = p.member_id "
                + "WHERE m.deleted_at IS NULL GROUP BY p.member_id", (rs, n) -> new RfmScores.PaidSummary(
                        rs.getLong("member_id"), rs.getTimestamp("last_paid").toInstant(), rs.getLong("n"),
                        rs.getLong("fen")));
        Map<Long, Rfm> scores = RfmScores.score(buyers, now);
        // DATETIME(3): compare at the precision the rows were stored with, or the delete below removes them all
        Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
        scores.forEach((memberId, rfm) -> jdbc.update("INSERT INTO member_rfm (member_id, recency_score, "
                + "frequency_score, monetary_score, rfm, computed_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "recency_score = VALUES(recency_score), frequency_score = VALUES(frequency_score), "
                + "monetary_score = VALUES(monetary_score), rfm = VALUES(rfm), computed_at = VALUES(computed_at)",
                memberId, rfm.recency(), rfm.frequency(), rfm.monetary(), rfm.code(), at));
        jdbc.update("DELETE FROM member_rfm WHERE computed_at < ?", at);
        for (long memberId : jdbc.queryForList("SELECT DISTINCT member_id FROM purchased_spu", Long.class)) {
            tx.executeWithoutResult(status -> {
                locks.lock(memberId);
                tags.refreshPreferences(memberId);
            });
        }
        log.info("RFM job as of {}: {} member(s) scored", now, scores.size());
        return scores.size();
    }
}
