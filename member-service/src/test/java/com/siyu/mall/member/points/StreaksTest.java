package com.siyu.mall.member.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreaksTest {

    static final List<Integer> DEFAULT_REWARDS = List.of(5, 5, 5, 5, 5, 5, 30);

    @Test
    void aFirstSignInOrOneAfterAGapStartsAtDayOne() {
        assertThat(Streaks.nextDay(null, 7)).isEqualTo(1);
    }

    @Test
    void consecutiveDaysContinueTheStreak() {
        assertThat(Streaks.nextDay(1, 7)).isEqualTo(2);
        assertThat(Streaks.nextDay(6, 7)).isEqualTo(7);
    }

    @Test
    void afterTheLastDayTheStreakRestarts() {
        assertThat(Streaks.nextDay(7, 7)).isEqualTo(1);
        assertThat(Streaks.nextDay(9, 7)).as("a shortened reward list after a config change").isEqualTo(1);
    }

    @Test
    void daysOneToSixEarnFiveAndDaySevenEarnsThirty() {
        Integer day = null;
        int total = 0;
        for (int i = 0; i < 8; i++) {
            day = Streaks.nextDay(day, DEFAULT_REWARDS.size());
            total += Streaks.reward(day, DEFAULT_REWARDS);
        }
        assertThat(day).isEqualTo(1);
        assertThat(total).isEqualTo(6 * 5 + 30 + 5);
    }
}
