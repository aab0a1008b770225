package com.siyu.mall.member.reach;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.member.config.MemberProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReachRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ReachRules RULES = new ReachRules(new MemberProperties.Reach(null, null, 0, 0, null), SHANGHAI);
    static final Instant NOON = at(12, 0, 0);
    static final ReachFacts FRESH = new ReachFacts(false, false, true, 0, 0);

    @Test
    void quietHoursRunFromTenAtNightToEightInTheMorningShanghaiTime() {
        assertThat(RULES.inQuietHours(at(21, 59, 59))).isFalse();
        assertThat(RULES.inQuietHours(at(22, 0, 0))).isTrue();
        assertThat(RULES.inQuietHours(at(0, 0, 0))).isTrue();
        assertThat(RULES.inQuietHours(at(7, 59, 59))).isTrue();
        assertThat(RULES.inQuietHours(at(8, 0, 0))).isFalse();
        assertThat(RULES.inQuietHours(Instant.parse("2026-11-25T13:59:59Z"))).as("21:59:59 +08:00").isFalse();
        assertThat(RULES.inQuietHours(Instant.parse("2026-11-25T14:00:00Z"))).as("22:00 +08:00").isTrue();
    }

    @Test
    void aQuietWindowThatDoesNotWrapMidnightAndAnEmptyOneWork() {
        ReachRules lunch = new ReachRules(new MemberProperties.Reach(LocalTime.of(12, 0), LocalTime.of(14, 0), 0, 0,
                null), SHANGHAI);
        assertThat(lunch.inQuietHours(at(11, 59, 59))).isFalse();
        assertThat(lunch.inQuietHours(NOON)).isTrue();
        assertThat(lunch.inQuietHours(at(14, 0, 0))).isFalse();
        assertThat(lunch.inQuietHours(at(23, 0, 0))).isFalse();

        ReachRules never = new ReachRules(new MemberProperties.Reach(LocalTime.of(8, 0), LocalTime.of(8, 0), 0, 0,
                null), SHANGHAI);
        assertThat(never.inQuietHours(at(3, 0, 0))).isFalse();
    }

    @Test
    void grantsTheThirdMessageOfTheDayButNotTheFourth() {
        assertThat(RULES.check(FRESH, NOON)).isEmpty();
        assertThat(RULES.check(new ReachFacts(false, false, true, 2, 2), NOON)).isEmpty();
        assertThat(RULES.check(new ReachFacts(false, false, true, 3, 3), NOON)).contains(DenyReason.DAILY_CAP);
    }

    @Test
    void grantsTheTenthMessageOfTheWeekButNotTheEleventh() {
        assertThat(RULES.check(new ReachFacts(false, false, true, 0, 9), NOON)).isEmpty();
        assertThat(RULES.check(new ReachFacts(false, false, true, 0, 10), NOON)).contains(DenyReason.WEEKLY_CAP);
    }

    @Test
    void reasonsAreCheckedInOrderDeletedDeletionPendingConsentQuietDailyWeekly() {
        Instant night = at(23, 0, 0);
        assertThat(RULES.check(new ReachFacts(true, true, false, 9, 99), night)).contains(DenyReason.MEMBER_DELETED);
        assertThat(RULES.check(new ReachFacts(false, true, false, 9, 99), night)).contains(DenyReason.DELETION_PENDING);
        assertThat(RULES.gone(new ReachFacts(false, true, true, 0, 0))).contains(DenyReason.DELETION_PENDING);
        assertThat(RULES.gone(FRESH)).isEmpty();
        assertThat(RULES.check(new ReachFacts(false, false, false, 9, 99), night)).contains(DenyReason.NO_CONSENT);
        assertThat(RULES.check(new ReachFacts(false, false, true, 9, 99), night)).contains(DenyReason.QUIET_HOURS);
        assertThat(RULES.check(new ReachFacts(false, false, true, 9, 99), NOON)).contains(DenyReason.DAILY_CAP);
    }

    @Test
    void daysAndTheRollingWeekAreShanghaiCalendarDays() {
        Instant lateUtcEvening = Instant.parse("2026-11-25T16:30:00Z"); // 00:30 on the 26th in Shanghai
        assertThat(RULES.day(lateUtcEvening)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(RULES.weekStart(lateUtcEvening)).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void capsAndQuietHoursAreConfigurable() {
        ReachRules strict = new ReachRules(new MemberProperties.Reach(LocalTime.of(20, 0), LocalTime.of(9, 0), 1, 2,
                List.of("SMS")), SHANGHAI);
        assertThat(strict.check(new ReachFacts(false, false, true, 1, 1), NOON)).contains(DenyReason.DAILY_CAP);
        assertThat(strict.check(new ReachFacts(false, false, true, 0, 2), NOON)).contains(DenyReason.WEEKLY_CAP);
        assertThat(strict.inQuietHours(at(20, 30, 0))).isTrue();
        assertThat(strict.inQuietHours(at(8, 30, 0))).isTrue();
    }

    static Instant at(int hour, int minute, int second) {
        return ZonedDateTime.of(2026, 11, 25, hour, minute, second, 0, SHANGHAI).toInstant();
    }
}
