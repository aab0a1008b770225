package com.siyu.mall.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * Which limits a call counts against, and whether it may pass. SMS codes and logins are limited per IP
 * whoever calls; beyond that a call with a verified token counts against its member, any other against its IP
 * (members behind one carrier NAT must not starve each other).
 */
class RateLimits {

    static final String SMS_CODES_PATH = "/api/v1/auth/sms-codes";
    static final Set<String> LOGIN_PATHS = Set.of("/api/v1/auth/login", "/api/v1/auth/wechat-mini",
            "/api/v1/auth/wechat-mini/bind-phone", "/admin/v1/auth/login");

    private final Keyed perIp;
    private final Keyed perMember;
    private final Keyed smsCodes;
    private final Keyed login;

    RateLimits(RateLimitProperties props) {
        this(props, System::nanoTime);
    }

    RateLimits(RateLimitProperties props, LongSupplier clock) {
        this.perIp = new Keyed("per-ip", props.perIp(), props.maxKeys(), clock);
        this.perMember = new Keyed("per-member", props.perMember(), props.maxKeys(), clock);
        this.smsCodes = new Keyed("sms-codes", props.smsCodes(), props.maxKeys(), clock);
        this.login = new Keyed("login", props.login(), props.maxKeys(), clock);
    }

    /**
     * Counts one call.
     *
     * @param rawPath  the request path as received (decoded here, so {@code sms%2Dcodes} is still sms-codes)
     * @param memberId subject of a verified token, or null for anonymous calls
     */
    Decision tryAcquire(HttpMethod method, String rawPath, String clientIp, String memberId) {
        String path = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        if (HttpMethod.POST.equals(method)) {
            if (path.equals(SMS_CODES_PATH)) {
                Decision sms = smsCodes.tryAcquire(clientIp);
                if (!sms.allowed()) {
                    return sms;
                }
            } else if (LOGIN_PATHS.contains(path)) {
                Decision logins = login.tryAcquire(clientIp);
                if (!logins.allowed()) {
                    return logins;
                }
            }
        }
        return memberId != null ? perMember.tryAcquire(memberId) : perIp.tryAcquire(clientIp);
    }

    /** {@code limit} names the limit that refused the call; {@code retryAfter} is zero when allowed. */
    public record Decision(String limit, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(null, Duration.ZERO);

        public boolean allowed() {
            return retryAfter.isZero();
        }

        /** Whole seconds for the Retry-After header, rounded up, at least 1. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds();
            return Math.max(1, retryAfter.toNanosPart() > 0 ? seconds + 1 : seconds);
        }
    }

    /** One limit's buckets, bounded: idle buckets (already full again) expire, and at most maxKeys are kept. */
    private static final class Keyed {

        private final String name;
        private final RateLimitProperties.Limit limit;
        private final Cache<String, TokenBucket> buckets;
        private final LongSupplier clock;

        Keyed(String name, RateLimitProperties.Limit limit, int maxKeys, LongSupplier clock) {
            this.name = name;
            this.limit = limit;
            this.clock = clock;
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(maxKeys)
                    .expireAfterAccess(limit.timeToFill())
                    .build();
        }

        Decision tryAcquire(String key) {
            long now = clock.getAsLong();
            long waitNanos = buckets.get(key, k -> new TokenBucket(limit, now)).tryTake(now);
            return waitNanos == 0 ? Decision.ALLOWED : new Decision(name, Duration.ofNanos(waitNanos));
        }
    }
}
