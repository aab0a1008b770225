package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TooManyRequestsTest {

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        assertThat(new TooManyRequests("X", "x", Duration.ofMillis(59_200)).retryAfterSeconds()).isEqualTo(60);
        assertThat(new TooManyRequests("X", "x", Duration.ofSeconds(60)).retryAfterSeconds()).isEqualTo(60);
        assertThat(new TooManyRequests("X", "x", Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TooManyRequests("X", "x", Duration.ofMillis(-5)).retryAfterSeconds()).isEqualTo(1);
    }
}
