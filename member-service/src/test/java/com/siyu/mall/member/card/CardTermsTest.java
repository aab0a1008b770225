package com.siyu.mall.member.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CardTermsTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aFirstPurchaseRunsFromNow() {
        assertThat(CardTerms.next(null, null, 30, NOW))
                .isEqualTo(new CardTerms.Term(NOW, NOW.plus(Duration.ofDays(30)), false));
    }

    @Test
    void renewingACardInForceExtendsItFromItsExpiry() {
        Instant started = NOW.minus(Duration.ofDays(20));
        Instant expiry = NOW.plus(Duration.ofDays(10));
        assertThat(CardTerms.next(started, expiry, 30, NOW))
                .isEqualTo(new CardTerms.Term(started, expiry.plus(Duration.ofDays(30)), true));
    }

    @Test
    void buyingAgainAfterExpiryStartsAfresh() {
        Instant expiry = NOW.minusSeconds(1);
        assertThat(CardTerms.next(NOW.minus(Duration.ofDays(31)), expiry, 365, NOW))
                .isEqualTo(new CardTerms.Term(NOW, NOW.plus(Duration.ofDays(365)), false));
        assertThat(CardTerms.next(NOW.minus(Duration.ofDays(30)), NOW, 30, NOW).renewal())
                .as("expiring exactly now is no longer in force").isFalse();
    }
}
