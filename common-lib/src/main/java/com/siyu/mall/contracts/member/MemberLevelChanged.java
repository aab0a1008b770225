package com.siyu.mall.contracts.member;

/** A member's tier (growth value) changed, e.g. {@code V0 -> V1}; codes are member-service's level codes. */
public record MemberLevelChanged(long memberId, String fromLevel, String toLevel) {
}
