package com.siyu.mall.member.card;

import java.time.Duration;
import java.time.Instant;

/** When a purchase makes a card run: a renewal of a card still in force extends it from its expiry, not from now. */
final class CardTerms {

    record Term(Instant startedAt, Instant expiresAt, boolean renewal) {
    }

    private CardTerms() {
    }

    /** {@code currentStart}/{@code currentExpiry} null: the member never had a card. */
    static Term next(Instant currentStart, Instant currentExpiry, int durationDays, Instant now) {
        Duration length = Duration.ofDays(durationDays);
        if (currentExpiry != null && currentExpiry.isAfter(now)) {
            return new Term(currentStart, currentExpiry.plus(length), true);
        }
        return new Term(now, now.plus(length), false);
    }
}
