package com.siyu.mall.member.privacy;

import java.time.Duration;
import java.time.Instant;

/** The cooling-off: a request made at {@code requestedAt} is carried out from {@code requestedAt + coolingOff} on. */
final class DeletionSchedule {

    private final Duration coolingOff;

    DeletionSchedule(Duration coolingOff) {
        if (coolingOff.isNegative()) {
            throw new IllegalStateException("mall.member.deletion.cooling-off must not be negative");
        }
        this.coolingOff = coolingOff;
    }

    Instant dueAt(Instant requestedAt) {
        return requestedAt.plus(coolingOff);
    }

    boolean isDue(Instant dueAt, Instant now) {
        return !now.isBefore(dueAt);
    }
}
