package com.siyu.mall.contracts.member;

import java.time.Instant;

/**
 * A paid member card was bought or renewed; {@code expiresAt} is the new expiry (a renewal of an active card extends
 * it from the old expiry). {@code channel} is {@code MOCK} or {@code WALLET}.
 */
public record MemberCardActivated(long memberId, long purchaseId, String planCode, boolean renewal, Instant expiresAt,
        String channel) {
}
