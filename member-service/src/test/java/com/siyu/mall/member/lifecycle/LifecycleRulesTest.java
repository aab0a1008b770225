package com.siyu.mall.member.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.member.config.MemberProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleRulesTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    final LifecycleRules rules = new LifecycleRules(new MemberProperties.Lifecycle(0, 0, null, null, null));

    static PaidHistory history(long orders, Duration sinceLastPaid, long ordersInWindow, long fenInWindow) {
        return new PaidHistory(orders, NOW.minus(sinceLastPaid), ordersInWindow, fenInWindow);
    }

    @Test
    void noPaidOrderIsNew() {
        assertThat(rules.stageFor(PaidHistory.NONE, NOW)).isEqualTo(Stage.NEW);
    }

    @Test
    void onePaidOrderIsFirstOrderAndTwoAreRepeat() {
        assertThat(rules.stageFor(history(1, Duration.ofDays(1), 1, 10_000), NOW)).isEqualTo(Stage.FIRST_ORDER);
        assertThat(rules.stageFor(history(2, Duration.ofDays(1), 2, 10_000), NOW)).isEqualTo(Stage.REPEAT);
        assertThat(rules.stageFor(history(4, Duration.ofDays(1), 4, 199_999), NOW)).isEqualTo(Stage.REPEAT);
    }

    @Test
    void fiveOrdersOrTwoThousandYuanWithin180DaysIsLoyal() {
        assertThat(rules.stageFor(history(5, Duration.ofDays(1), 5, 500), NOW)).isEqualTo(Stage.LOYAL);
        assertThat(rules.stageFor(history(1, Duration.ofDays(1), 1, 200_000), NOW)).isEqualTo(Stage.LOYAL);
        assertThat(rules.stageFor(history(9, Duration.ofDays(1), 4, 199_999), NOW)).as("old orders do not count")
                .isEqualTo(Stage.REPEAT);
    }

    @Test
    void noPaidOrderFor90DaysIsDormantWhateverCameBefore() {
        assertThat(rules.stageFor(history(9, Duration.ofDays(91), 9, 900_000), NOW)).isEqualTo(Stage.DORMANT);
        assertThat(rules.stageFor(history(1, Duration.ofDays(90), 1, 100), NOW)).isEqualTo(Stage.FIRST_ORDER);
    }

    @Test
    void theLoyaltyWindowStarts180DaysBeforeNow() {
        assertThat(rules.loyalWindowStart(NOW)).isEqualTo(NOW.minus(Duration.ofDays(180)));
    }
}
