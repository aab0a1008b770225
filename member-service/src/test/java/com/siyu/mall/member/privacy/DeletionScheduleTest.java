package com.siyu.mall.member.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeletionScheduleTest {

    static final Instant REQUESTED = Instant.parse("2026-11-25T10:15:30.123Z");
    static final DeletionSchedule SEVEN_DAYS = new DeletionSchedule(Duration.ofDays(7));

    @Test
    void aRequestIsDueSevenDaysLaterToTheMillisecond() {
        Instant due = SEVEN_DAYS.dueAt(REQUESTED);
        assertThat(due).isEqualTo(Instant.parse("2026-12-02T10:15:30.123Z"));
        assertThat(SEVEN_DAYS.isDue(due.minusMillis(1), due.minusMillis(2))).isFalse();
        assertThat(SEVEN_DAYS.isDue(due, due.minusMillis(1))).as("a millisecond early").isFalse();
        assertThat(SEVEN_DAYS.isDue(due, due)).isTrue();
        assertThat(SEVEN_DAYS.isDue(due, due.plus(Duration.ofDays(30)))).as("a late job still carries it out").isTrue();
    }

    @Test
    void theCoolingOffIsConfigurableButNeverNegative() {
        assertThat(new DeletionSchedule(Duration.ZERO).dueAt(REQUESTED)).isEqualTo(REQUESTED);
        assertThat(new DeletionSchedule(Duration.ofDays(15)).dueAt(REQUESTED))
                .isEqualTo(Instant.parse("2026-12-10T10:15:30.123Z"));
        assertThatThrownBy(() -> new DeletionSchedule(Duration.ofDays(-1))).isInstanceOf(IllegalStateException.class);
    }
}
