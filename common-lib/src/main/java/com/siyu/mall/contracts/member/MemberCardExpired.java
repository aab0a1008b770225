package com.siyu.mall.contracts.member;

import java.time.Instant;

/** A paid member card ran out without being renewed. */
public record MemberCardExpired(long memberId, String planCode, Instant expiredAt) {
}
