package com.siyu.mall.gateway.ratelimit;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * In-memory limits, per gateway replica (N replicas let through up to N times as much).
 *
 * @param trustForwarded key by the first {@code X-Forwarded-For} hop instead of the TCP peer; only safe behind
 *                       a proxy that overwrites that header
 * @param maxKeys        most keys remembered per limit; beyond that the least recently used are dropped
 */
@ConfigurationProperties("mall.gateway.rate-limits")
public record RateLimitProperties(boolean enabled, boolean trustForwarded, int maxKeys,
        Limit perIp, Limit perMember, Limit smsCodes, Limit login) {

    public RateLimitProperties {
        if (maxKeys <= 0) {
            throw new IllegalArgumentException("mall.gateway.rate-limits.max-keys must be positive");
        }
        Objects.requireNonNull(perIp, "mall.gateway.rate-limits.per-ip");
        Objects.requireNonNull(perMember, "mall.gateway.rate-limits.per-member");
        Objects.requireNonNull(smsCodes, "mall.gateway.rate-limits.sms-codes");
        Objects.requireNonNull(login, "mall.gateway.rate-limits.login");
    }

    /** A token bucket: holds up to {@code capacity} calls, regains {@code refillTokens} every {@code refillPeriod}. */
    public record Limit(long capacity, long refillTokens, Duration refillPeriod) {

        public Limit {
            if (capacity <= 0 || refillTokens <= 0 || refillPeriod == null || refillPeriod.isNegative() || refillPeriod.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity, refill-tokens and refill-period");
            }
        }

        /** How long an untouched bucket takes to fill up again; after that it is as good as new. */
        Duration timeToFill() {
            return refillPeriod.multipliedBy(capacity).dividedBy(refillTokens).plusSeconds(1);
        }
    }
}
