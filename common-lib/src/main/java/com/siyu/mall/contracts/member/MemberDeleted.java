package com.siyu.mall.contracts.member;

/**
 * A member's personal data was anonymised after the deletion cooling-off (PIPL). Every service that keeps a copy of
 * the member's personal data (names, phones, addresses) anonymises it; ledgers stay under the pseudonymous id.
 * Key: memberId.
 */
public record MemberDeleted(long memberId) {
}
