package com.siyu.mall.member.points;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily: writes EXPIRED ledger rows for what is left of credits whose expiry has passed (end of the year after they
 * were earned, {@code mall.member.points.expiry-years-after}). One short transaction per member and expiry moment;
 * safe on several replicas and when run twice, because each (member, moment) is claimed once in
 * {@code points_expiry} under the member lock.
 */
@Component
public class PointsExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(PointsExpiryJob.class);
    private static final int BATCH = 500;

    private final Ledger ledger;
    private final Points points;
    private final Clock clock;

    PointsExpiryJob(Ledger ledger, Points points, Clock clock) {
        this.ledger = ledger;
        this.points = points;
        this.clock = clock;
    }

    @Scheduled(cron = "${mall.member.points.expiry-job-cron:0 5 0 * * *}", zone = "${mall.member.zone:Asia/Shanghai}")
    void daily() {
        run(clock.instant());
    }

    /** Expires everything due by {@code now}; returns the points expired by this run. */
    public long run(Instant now) {
        long expired = 0;
        int members = 0;
        while (true) {
            List<Ledger.Due> due = ledger.dueExpiries(now, BATCH);
            for (Ledger.Due d : due) {
                long n = points.expire(d.memberId(), d.expiresAt());
                expired += n;
                members += n > 0 ? 1 : 0;
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        log.info("points expiry as of {}: {} point(s) of {} member expiry(ies) expired", now, expired, members);
        return expired;
    }
}
