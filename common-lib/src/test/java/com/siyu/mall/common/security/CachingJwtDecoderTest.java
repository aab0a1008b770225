package com.siyu.mall.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Stands in for the signature check: "good-*" tokens verify (15 minutes of life from T0), others do not. */
    private final List<String> verifications = new ArrayList<>();
    private final JwtDecoder verifier = token -> {
        verifications.add(token);
        if (!token.startsWith("good") || now.isAfter(T0.plus(Duration.ofMinutes(15)))) {
            throw new BadJwtException("invalid or expired: " + token);
        }
        return Jwt.withTokenValue(token).header("alg", "ES256").subject("42").issuedAt(T0)
                .expiresAt(T0.plus(Duration.ofMinutes(15))).build();
    };
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 100, Duration.ofMinutes(10), clock);

    @Test
    void verifiesEachTokenOnceWhileItLives() {
        Jwt first = decoder.decode("good-a");
        now = T0.plus(Duration.ofMinutes(5));
        Jwt again = decoder.decode("good-a");

        assertThat(again.getSubject()).isEqualTo(first.getSubject());
        assertThat(verifications).containsExactly("good-a");
    }

    @Test
    void aDifferentTokenIsVerifiedAfresh() {
        decoder.decode("good-a");
        decoder.decode("good-b");

        assertThat(verifications).containsExactly("good-a", "good-b");
    }

    @Test
    void neverServesAnExpiredTokenFromTheCache() {
        decoder.decode("good-a");
        now = T0.plus(Duration.ofMinutes(16));

        assertThatThrownBy(() -> decoder.decode("good-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("good-a", "good-a");
    }

    @Test
    void rejectedTokensAreNotRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }
}
