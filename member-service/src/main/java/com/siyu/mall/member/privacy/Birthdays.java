package com.siyu.mall.member.privacy;

import java.time.LocalDate;
import java.time.MonthDay;

/** Whose birthday is it: members born on 29 February celebrate on the 28th in years without one. */
final class Birthdays {

    private Birthdays() {
    }

    static boolean isBirthday(LocalDate birthday, LocalDate today) {
        if (birthday == null) {
            return false;
        }
        MonthDay born = MonthDay.from(birthday);
        if (born.equals(MonthDay.of(2, 29)) && !today.isLeapYear()) {
            return MonthDay.from(today).equals(MonthDay.of(2, 28));
        }
        return MonthDay.from(today).equals(born);
    }

    /** The month-days to look up for {@code today}: today, plus 29 February on the 28th of a common year. */
    static MonthDay[] birthdaysOn(LocalDate today) {
        MonthDay day = MonthDay.from(today);
        if (day.equals(MonthDay.of(2, 28)) && !today.isLeapYear()) {
            return new MonthDay[] {day, MonthDay.of(2, 29)};
        }
        return new MonthDay[] {day};
    }
}
