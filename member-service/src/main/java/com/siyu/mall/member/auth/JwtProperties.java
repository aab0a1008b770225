package com.siyu.mall.member.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accessTtl  life of an access token (MALL_JWT_ACCESS_TTL, ISO-8601, default PT15M)
 * @param refreshTtl life of a refresh token (default P30D)
 * @param jwk        private EC P-256 JWK JSON (MALL_JWT_JWK); empty = generated once and kept in signing_key
 */
@ConfigurationProperties("mall.jwt")
record JwtProperties(Duration accessTtl, Duration refreshTtl, String jwk) {

    JwtProperties {
        accessTtl = accessTtl == null ? Duration.ofMinutes(15) : accessTtl;
        refreshTtl = refreshTtl == null ? Duration.ofDays(30) : refreshTtl;
        jwk = jwk == null || jwk.isBlank() ? null : jwk.trim();
    }
}
