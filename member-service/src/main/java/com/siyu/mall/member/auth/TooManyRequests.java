package com.siyu.mall.member.auth;

import com.siyu.mall.common.error.MallException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A 429 problem that also tells the client when to try again ({@code Retry-After}, whole seconds, at least 1). */
public class TooManyRequests extends MallException {

    private final long retryAfterSeconds;

    TooManyRequests(String code, String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, detail);
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        this.retryAfterSeconds = Math.max(1, seconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
