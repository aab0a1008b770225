package com.siyu.mall.contracts.member;

/** A phone logged in for the first time and became a member. */
public record MemberRegistered(long memberId, Long inviterId) {
}
