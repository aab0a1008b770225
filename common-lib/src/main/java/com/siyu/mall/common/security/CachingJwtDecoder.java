package com.siyu.mall.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that already passed signature and claim checks, until they expire. A member's app sends the
 * same access token with every request for its whole life, and verifying an ES256 signature costs more CPU than
 * the rest of a typical request (JFR under order-place load: 18 % of order-service's CPU samples were P-256 maths).
 * The key is the complete token string, so a token that differs in any byte is verified afresh; a cached token
 * past its {@code exp} is never served from here. Access tokens are not revocable anyway (freezing a member stops
 * them at the next refresh), so caching loses nothing.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public CachingJwtDecoder(JwtDecoder delegate, int maxTokens, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                return remainingNanos(jwt, maxAge);
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return remainingNanos(jwt, maxAge);
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    public CachingJwtDecoder(JwtDecoder delegate) {
        this(delegate, 50_000, Duration.ofMinutes(10), Clock.systemUTC());
    }

    private long remainingNanos(Jwt jwt, Duration maxAge) {
        if (jwt.getExpiresAt() == null) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return Math.max(0, Math.min(left.toNanos(), maxAge.toNanos()));
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(now)) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
