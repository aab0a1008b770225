package com.siyu.mall.member.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries out deletion requests whose cooling-off is over, one member per transaction. Safe on several replicas:
 * each member is re-checked under its row lock, so a request is carried out (and MemberDeleted published) once.
 */
@Component
public class DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(DeletionJob.class);
    private static final int BATCH = 200;

    private final Deletions deletions;
    private final Clock clock;

    DeletionJob(Deletions deletions, Clock clock) {
        this.deletions = deletions;
        this.clock = clock;
    }

    @Scheduled(cron = "${mall.member.deletion.job-cron:0 15 * * * *}", zone = "${mall.member.zone:Asia/Shanghai}")
    void hourly() {
        run(clock.instant());
    }

    /** Anonymises every member due as of {@code now}; returns how many. */
    public int run(Instant now) {
        int done = 0;
        while (true) {
            List<Long> due = deletions.due(now, BATCH);
            int before = done;
            for (long memberId : due) {
                if (deletions.anonymise(memberId, now)) {
                    done++;
                }
            }
            if (due.size() < BATCH || done == before) {
                break;
            }
        }
        log.info("deletion job as of {}: {} member(s) anonymised", now, done);
        return done;
    }
}
