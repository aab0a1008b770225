package com.siyu.mall.member.points;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Daily sign-in, once per calendar day in {@code mall.member.zone}, rewarded by streak day. */
@Service
class SignIns {

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final MemberLocks locks;
    private final Clock clock;
    private final Points points;
    private final MemberProperties props;

    SignIns(JdbcTemplate jdbc, Ledger ledger, MemberLocks locks, Clock clock, Points points, MemberProperties props) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.locks = locks;
        this.clock = clock;
        this.points = points;
        this.props = props;
    }

    record SignIn(LocalDate date, int streakDay, int points) {
    }

    /** The member row lock makes two concurrent sign-ins of one member run one after the other: the second is 409. */
    @Transactional
    SignIn signIn(long memberId) {
        locks.lock(memberId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), props.zone());
        if (streakDayOn(memberId, today) != null) {
            throw MallException.conflict("ALREADY_SIGNED_IN", "already signed in today (" + today + ")");
        }
        List<Integer> rewards = props.signIn().rewards();
        int day = Streaks.nextDay(streakDayOn(memberId, today.minusDays(1)), rewards.size());
        int reward = Streaks.reward(day, rewards);
        jdbc.update("INSERT INTO sign_in (member_id, sign_date, streak_day, points, created_at) VALUES (?, ?, ?, ?, ?)",
                memberId, Date.valueOf(today), day, reward, Timestamp.from(clock.instant()));
        if (reward > 0) {
            ledger.append(new Ledger.Row(memberId, Bucket.AVAILABLE, "SIGN_IN", reward, null,
                    points.expiresAt(clock.instant()), null, null));
        }
        return new SignIn(today, day, reward);
    }

    private Integer streakDayOn(long memberId, LocalDate date) {
        List<Integer> days = jdbc.queryForList("SELECT streak_day FROM sign_in WHERE member_id = ? AND sign_date = ?",
                Integer.class, memberId, Date.valueOf(date));
        return days.isEmpty() ? null : days.get(0);
    }
}
