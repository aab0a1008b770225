package com.siyu.mall.member.privacy;

import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.member.MemberBirthday;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.level.Levels;
import com.siyu.mall.member.member.MemberLocks;
import com.siyu.mall.member.points.Points;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily: for every (not deleted) member whose birthday is today in {@code zone}, grants the birthday points and records
 * MemberBirthday (promotion issues the level's birthday coupon), once per member and year ({@code birthday_grant}
 * is the key), so re-runs and several replicas grant nothing twice.
 */
@Component
public class BirthdayJob {

    private static final Logger log = LoggerFactory.getLogger(BirthdayJob.class);

    private final JdbcTemplate jdbc;
    private final MemberLocks locks;
    private final Levels levels;
    private final Points points;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MemberProperties props;

    BirthdayJob(JdbcTemplate jdbc, MemberLocks locks, Levels levels, Points points, Outbox outbox,
            PlatformTransactionManager txm, Clock clock, MemberProperties props) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.levels = levels;
        this.points = points;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
        this.props = props;
    }

    @Scheduled(cron = "${mall.member.birthday-job-cron:0 10 0 * * *}", zone = "${mall.member.zone:Asia/Shanghai}")
    void daily() {
        run(clock.instant());
    }

    /** Celebrates the birthdays of the day {@code now} falls on; returns how many members were celebrated. */
    public int run(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, props.zone());
        List<Long> members = new ArrayList<>();
        for (MonthDay day : Birthdays.birthdaysOn(today)) {
            members.addAll(jdbc.queryForList("SELECT id FROM member WHERE deleted_at IS NULL AND birthday IS NOT NULL "
                    + "AND MONTH(birthday) = ? AND DAYOFMONTH(birthday) = ?", Long.class, day.getMonthValue(),
                    day.getDayOfMonth()));
        }
        int celebrated = 0;
        for (long memberId : members) {
            if (Boolean.TRUE.equals(tx.execute(status -> celebrate(memberId, today.getYear())))) {
                celebrated++;
            }
        }
        log.info("birthday job for {}: {} member(s) celebrated", today, celebrated);
        return celebrated;
    }

    private boolean celebrate(long memberId, int year) {
        locks.lock(memberId);
        String level = levels.levelCodeOf(memberId);
        long reward = props.birthdayPoints();
        int inserted = jdbc.update("INSERT IGNORE INTO birthday_grant (member_id, grant_year, points, level, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", memberId, year, reward, level, Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return false;
        }
        points.creditBirthday(memberId, year, reward);
        outbox.publish(Topics.MEMBER, "Member", memberId, new MemberBirthday(memberId, level));
        return true;
    }
}
