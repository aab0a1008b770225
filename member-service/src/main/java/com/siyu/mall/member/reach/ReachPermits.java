package com.siyu.mall.member.reach;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.contracts.member.ReachPermit;
import com.siyu.mall.contracts.member.ReachPermitRequest;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides and logs marketing permits. The member row lock serialises one member's decisions, so the caps hold under
 * concurrent requests (the count and the insert of a grant happen while no other decision for that member runs).
 * A campaign asking again for the same member and channel gets its first grant back (unless the member is being or
 * has been deleted); a denial is not stored, so a retry after the reason went away (quiet hours ended) can be granted.
 */
@Service
class ReachPermits {

    private final JdbcTemplate jdbc;
    private final MemberLocks locks;
    private final Consents consents;
    private final Clock clock;
    private final ReachRules rules;

    ReachPermits(JdbcTemplate jdbc, MemberLocks locks, Consents consents, Clock clock, MemberProperties props) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.consents = consents;
        this.clock = clock;
        this.rules = new ReachRules(props.reach(), props.zone());
    }

    @Transactional
    public ReachPermit permit(ReachPermitRequest request) {
        Channel channel = Channel.parse(request.channel());
        long memberId = request.memberId();
        long campaignId = request.campaignId();
        locks.lock(memberId);
        Instant now = clock.instant();
        ReachFacts facts = facts(memberId, channel, now);
        Optional<DenyReason> gone = rules.gone(facts);
        if (gone.isPresent()) {
            return denied(gone.get(), memberId, channel, campaignId);
        }
        Optional<ReachPermit> earlier = earlierGrant(memberId, channel, campaignId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<DenyReason> denied = rules.check(facts, now);
        if (denied.isPresent()) {
            return denied(denied.get(), memberId, channel, campaignId);
        }
        long id = IdWorker.getId();
        jdbc.update("INSERT INTO reach_log (id, member_id, channel, campaign_id, reach_date, granted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, memberId, channel.name(), campaignId, Date.valueOf(rules.day(now)),
                Timestamp.from(now));
        return new ReachPermit(true, null, id, memberId, channel.name(), campaignId, now);
    }

    private static ReachPermit denied(DenyReason reason, long memberId, Channel channel, long campaignId) {
        return new ReachPermit(false, reason.name(), null, memberId, channel.name(), campaignId, null);
    }

    private Optional<ReachPermit> earlierGrant(long memberId, Channel channel, long campaignId) {
        List<ReachPermit> grants = jdbc.query("SELECT id, granted_at FROM reach_log WHERE member_id = ? "
                + "AND campaign_id = ? AND channel = ?", (rs, n) -> new ReachPermit(true, null, rs.getLong("id"),
                memberId, channel.name(), campaignId, rs.getTimestamp("granted_at").toInstant()),
                memberId, campaignId, channel.name());
        return grants.stream().findFirst();
    }

    private ReachFacts facts(long memberId, Channel channel, Instant now) {
        boolean deleted = jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM member WHERE id = ?", Boolean.class,
                memberId);
        LocalDate today = rules.day(now);
        long[] counts = jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN reach_date = ? THEN 1 ELSE 0 END), 0), "
                + "COUNT(*) FROM reach_log WHERE member_id = ? AND reach_date BETWEEN ? AND ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, Date.valueOf(today), memberId,
                Date.valueOf(rules.weekStart(now)), Date.valueOf(today));
        boolean deletionPending = !jdbc.queryForList("SELECT member_id FROM member_deletion WHERE member_id = ? "
                + "AND status = 'REQUESTED'", Long.class, memberId).isEmpty();
        return new ReachFacts(deleted, deletionPending, consents.consented(memberId, channel), counts[0], counts[1]);
    }
}
