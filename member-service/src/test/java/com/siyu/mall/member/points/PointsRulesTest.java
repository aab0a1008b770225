package com.siyu.mall.member.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PointsRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void earnsOnePointPerWholeYuanTimesTheMultiplierRoundedDown() {
        assertThat(PointsRules.earned(12_399, 100, new BigDecimal("1.00"))).isEqualTo(123);
        assertThat(PointsRules.earned(99, 100, new BigDecimal("2.00"))).isZero();
        assertThat(PointsRules.earned(12_399, 100, new BigDecimal("1.10"))).isEqualTo(135); // 135.3
        assertThat(PointsRules.earned(100_000, 100, new BigDecimal("1.50"))).isEqualTo(1500);
        assertThat(PointsRules.earned(0, 100, new BigDecimal("2.00"))).isZero();
    }

    @Test
    void pointsExpireAtTheEndOfTheYearAfterTheyWereEarned() {
        Instant earned = Instant.parse("2026-03-15T10:00:00Z");
        assertThat(PointsRules.expiresAt(earned, SHANGHAI, 1)).isEqualTo(Instant.parse("2027-12-31T16:00:00Z"));
        assertThat(PointsRules.expiresAt(earned, SHANGHAI, 2)).isEqualTo(Instant.parse("2028-12-31T16:00:00Z"));
    }

    @Test
    void theEarningYearIsTheShanghaiCalendarYear() {
        // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Shanghai.
        Instant newYearsNight = Instant.parse("2026-12-31T17:00:00Z");
        assertThat(PointsRules.expiresAt(newYearsNight, SHANGHAI, 1)).isEqualTo(Instant.parse("2028-12-31T16:00:00Z"));
        assertThat(PointsRules.expiresAt(Instant.parse("2026-12-31T15:59:59Z"), SHANGHAI, 1))
                .isEqualTo(Instant.parse("2027-12-31T16:00:00Z"));
    }

    @Test
    void expiringPointsAreSpentFirst() {
        // earned 100 expiring soon and 50 later; 30 spent: 70 of the soon ones remain
        assertThat(PointsRules.expiringBy(120, 150, 100)).isEqualTo(70);
        // spent more than the soon ones: none expire soon
        assertThat(PointsRules.expiringBy(40, 150, 100)).isZero();
        // nothing spent
        assertThat(PointsRules.expiringBy(150, 150, 100)).isEqualTo(100);
        // available includes credits without an expiry (released reservations): never more than available
        assertThat(PointsRules.expiringBy(10, 10, 10)).isEqualTo(10);
        assertThat(PointsRules.expiringBy(0, 0, 0)).isZero();
    }
}
