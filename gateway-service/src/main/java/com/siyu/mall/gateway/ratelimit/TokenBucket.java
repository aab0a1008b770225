package com.siyu.mall.gateway.ratelimit;

/** A classic token bucket, refilled continuously. Thread-safe; contention is per key, so cheap. */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(RateLimitProperties.Limit limit, long nowNanos) {
        this.capacity = limit.capacity();
        this.tokensPerNano = limit.refillTokens() / (double) limit.refillPeriod().toNanos();
        this.tokens = capacity;
        this.lastRefill = nowNanos;
    }

    /** Takes one token: returns 0 if granted, otherwise the nanoseconds until one will be available. */
    synchronized long tryTake(long nowNanos) {
        if (nowNanos > lastRefill) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastRefill) * tokensPerNano);
            lastRefill = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }
}
