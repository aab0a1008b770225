package com.siyu.mall.member.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The login code last sent to one phone: 6 digits, valid for 5 minutes, used once, burnt after 5 wrong tries.
 * Only the code's keyed hash is kept.
 */
record SmsCode(String codeHash, int attempts, Instant sentAt, Instant expiresAt, Instant consumedAt) {

    static final Pattern FORMAT = Pattern.compile("^\\d{6}$");
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final Duration RESEND_INTERVAL = Duration.ofSeconds(60);
    static final int MAX_ATTEMPTS = 5;

    enum Check {
        /** Right code: it is now consumed. */
        ACCEPTED,
        /** Wrong code: one more attempt is recorded. */
        WRONG,
        /** Expired, used, or burnt: nothing changes. */
        UNUSABLE
    }

    static SmsCode issue(String codeHash, Instant now) {
        return new SmsCode(codeHash, 0, now, now.plus(LIFETIME), null);
    }

    boolean usable(Instant now) {
        return consumedAt == null && attempts < MAX_ATTEMPTS && now.isBefore(expiresAt);
    }

    Check check(String candidateHash, Instant now) {
        if (!usable(now)) {
            return Check.UNUSABLE;
        }
        boolean same = MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
                candidateHash.getBytes(StandardCharsets.US_ASCII));
        return same ? Check.ACCEPTED : Check.WRONG;
    }

    SmsCode consumed(Instant now) {
        return new SmsCode(codeHash, attempts, sentAt, expiresAt, now);
    }

    SmsCode failedAttempt() {
        return new SmsCode(codeHash, attempts + 1, sentAt, expiresAt, consumedAt);
    }

    boolean burnt() {
        return attempts >= MAX_ATTEMPTS;
    }
}
