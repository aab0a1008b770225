package com.siyu.mall.member.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

class BirthdaysTest {

    @Test
    void aBirthdayIsTheSameMonthAndDayInAnyYear() {
        LocalDate born = LocalDate.of(1990, 6, 15);
        assertThat(Birthdays.isBirthday(born, LocalDate.of(2026, 6, 15))).isTrue();
        assertThat(Birthdays.isBirthday(born, LocalDate.of(2026, 6, 16))).isFalse();
        assertThat(Birthdays.isBirthday(null, LocalDate.of(2026, 6, 15))).isFalse();
    }

    @Test
    void leapDayBabiesCelebrateOnThe28thInCommonYears() {
        LocalDate leapling = LocalDate.of(1992, 2, 29);
        assertThat(Birthdays.isBirthday(leapling, LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(Birthdays.isBirthday(leapling, LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(Birthdays.isBirthday(leapling, LocalDate.of(2028, 2, 28))).isFalse();
        assertThat(Birthdays.isBirthday(leapling, LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(Birthdays.birthdaysOn(LocalDate.of(2026, 2, 28))).containsExactly(MonthDay.of(2, 28),
                MonthDay.of(2, 29));
        assertThat(Birthdays.birthdaysOn(LocalDate.of(2028, 2, 28))).containsExactly(MonthDay.of(2, 28));
    }
}
