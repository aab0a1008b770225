package com.siyu.mall.member.auth;

import java.time.Instant;

/** One stored refresh token. Tokens rotated from one login share a family; reusing a used one burns the family. */
record RefreshToken(long id, long memberId, long familyId, Instant expiresAt, Instant usedAt, Instant revokedAt) {

    enum State { ACTIVE, USED, REVOKED, EXPIRED }

    State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (usedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }
}
