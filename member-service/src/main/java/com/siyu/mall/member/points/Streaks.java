package com.siyu.mall.member.points;

import java.util.List;

/**
 * Daily sign-in streaks: signing in on the day after the last sign-in continues the streak, anything else starts at
 * day 1; after the last rewarded day the streak starts again at day 1.
 */
final class Streaks {

    private Streaks() {
    }

    /** {@code yesterdaysDay}: the streak day of yesterday's sign-in, or null when there was none. */
    static int nextDay(Integer yesterdaysDay, int cycleLength) {
        if (yesterdaysDay == null || yesterdaysDay >= cycleLength) {
            return 1;
        }
        return yesterdaysDay + 1;
    }

    static int reward(int day, List<Integer> rewards) {
        return rewards.get(day - 1);
    }
}
