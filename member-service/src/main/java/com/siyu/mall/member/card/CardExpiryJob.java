package com.siyu.mall.member.card;

import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Marks cards that ran out EXPIRED (MemberCardExpired); each card by its own conditional update, replica-safe. */
@Component
public class CardExpiryJob {

    private static final int BATCH = 500;

    private final MemberCards cards;
    private final Clock clock;

    CardExpiryJob(MemberCards cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mall.member.cards.expiry-sweep-interval:PT1M}")
    void sweep() {
        run(clock.instant());
    }

    /** Expires everything due at {@code now}; returns how many cards this run expired. */
    public int run(Instant now) {
        int expired = 0;
        while (true) {
            var due = cards.due(now, BATCH);
            int before = expired;
            for (long memberId : due) {
                if (cards.expire(memberId, now)) {
                    expired++;
                }
            }
            if (due.size() < BATCH || expired == before) {
                return expired;
            }
        }
    }
}
