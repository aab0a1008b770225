package com.siyu.mall.member.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily: members who have paid before are re-staged as of now, which is how DORMANT (and a LOYAL member falling out
 * of the loyalty window) happens. One short transaction per member; safe on several replicas, because a member
 * whose stage is already right is left alone.
 */
@Component
public class LifecycleJob {

    private static final Logger log = LoggerFactory.getLogger(LifecycleJob.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Lifecycles lifecycles;
    private final TransactionTemplate tx;
    private final Clock clock;

    LifecycleJob(JdbcTemplate jdbc, Lifecycles lifecycles, PlatformTransactionManager txm, Clock clock) {
        this.jdbc = jdbc;
        this.lifecycles = lifecycles;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
    }

    @Scheduled(cron = "${mall.member.lifecycle.job-cron:0 30 3 * * *}", zone = "${mall.member.zone:Asia/Shanghai}")
    void daily() {
        run(clock.instant());
    }

    /** Re-stages every member with a lifecycle row as of {@code now}; returns how many changed. */
    public int run(Instant now) {
        int changed = 0;
        long after = 0;
        while (true) {
            List<Long> ids = jdbc.queryForList("SELECT member_id FROM member_lifecycle WHERE member_id > ? "
                    + "ORDER BY member_id LIMIT " + BATCH, Long.class, after);
            for (long memberId : ids) {
                if (Boolean.TRUE.equals(tx.execute(status -> lifecycles.reassess(memberId, now)))) {
                    changed++;
                }
            }
            if (ids.size() < BATCH) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        log.info("lifecycle job as of {}: {} member(s) changed stage", now, changed);
        return changed;
    }
}
