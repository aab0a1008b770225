package com.siyu.mall.member.points;

/** {@code GET /members/me/points}. */
record Balances(long available, long pending, long expiringSoon) {
}
