package com.siyu.mall.contracts.member;

/**
 * A member moved between lifecycle stages: {@code NEW}, {@code FIRST_ORDER}, {@code REPEAT}, {@code LOYAL},
 * {@code DORMANT}.
 */
public record MemberLifecycleChanged(long memberId, String from, String to) {
}
