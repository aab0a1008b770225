package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.member.auth.SmsCode.Check;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SmsCodeTest {

    private static final Instant SENT = Instant.parse("2026-03-01T10:00:00Z");
    private static final String RIGHT = "hash-of-123456";
    private static final String WRONG = "hash-of-654321";

    private final SmsCode code = SmsCode.issue(RIGHT, SENT);

    @Test
    void acceptsTheRightCodeWithinFiveMinutes() {
        assertThat(code.check(RIGHT, SENT.plusSeconds(299))).isEqualTo(Check.ACCEPTED);
    }

    @Test
    void rejectsTheRightCodeOnceExpired() {
        assertThat(code.check(RIGHT, SENT.plusSeconds(300))).isEqualTo(Check.UNUSABLE);
    }

    @Test
    void countsAWrongCode() {
        assertThat(code.check(WRONG, SENT.plusSeconds(1))).isEqualTo(Check.WRONG);
    }

    @Test
    void fiveWrongTriesBurnTheCode() {
        SmsCode tried = code;
        for (int i = 0; i < 4; i++) {
            tried = tried.failedAttempt();
        }
        assertThat(tried.burnt()).isFalse();
        assertThat(tried.check(RIGHT, SENT.plusSeconds(10))).isEqualTo(Check.ACCEPTED);

        SmsCode burnt = tried.failedAttempt();
        assertThat(burnt.burnt()).isTrue();
        assertThat(burnt.check(RIGHT, SENT.plusSeconds(10))).isEqualTo(Check.UNUSABLE);
    }

    @Test
    void aConsumedCodeCannotBeUsedAgain() {
        assertThat(code.consumed(SENT.plusSeconds(5)).check(RIGHT, SENT.plusSeconds(6))).isEqualTo(Check.UNUSABLE);
    }
}
