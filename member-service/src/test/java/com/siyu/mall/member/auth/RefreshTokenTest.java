package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.member.auth.RefreshToken.State;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void isActiveUntilUsedRevokedOrExpired() {
        assertThat(token(null, null).state(NOW)).isEqualTo(State.ACTIVE);
        assertThat(token(NOW, null).state(NOW)).isEqualTo(State.USED);
        assertThat(token(null, NOW).state(NOW)).isEqualTo(State.REVOKED);
        assertThat(token(NOW, NOW).state(NOW)).isEqualTo(State.REVOKED);
        assertThat(token(null, null).state(LATER)).isEqualTo(State.EXPIRED);
    }

    private static RefreshToken token(Instant usedAt, Instant revokedAt) {
        return new RefreshToken(1L, 2L, 1L, LATER, usedAt, revokedAt);
    }
}
