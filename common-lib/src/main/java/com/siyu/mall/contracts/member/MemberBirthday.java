package com.siyu.mall.contracts.member;

/**
 * Today (Asia/Shanghai) is the member's birthday; emitted once per member and year. {@code level} is the member's
 * tier code (e.g. {@code V2}), whose birthday coupon template promotion-service issues. Key: memberId.
 */
public record MemberBirthday(long memberId, String level) {
}
