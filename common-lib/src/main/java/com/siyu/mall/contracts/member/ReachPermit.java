package com.siyu.mall.contracts.member;

import java.time.Instant;

/**
 * The answer to a {@link ReachPermitRequest}. Granted: {@code permitId} and {@code grantedAt} are set and
 * {@code reason} is null. Denied: {@code reason} is one of {@code MEMBER_DELETED}, {@code DELETION_PENDING},
 * {@code NO_CONSENT}, {@code QUIET_HOURS}, {@code DAILY_CAP}, {@code WEEKLY_CAP}.
 */
public record ReachPermit(boolean granted, String reason, Long permitId, long memberId, String channel,
        long campaignId, Instant grantedAt) {
}
