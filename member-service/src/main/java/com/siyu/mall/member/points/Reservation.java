package com.siyu.mall.member.points;

/** Points held for an order: RESERVED, then CONFIRMED (spent, the order was paid) or RELEASED (back to available). */
record Reservation(String orderId, String memberId, long points, String status) {

    static final String RESERVED = "RESERVED";
    static final String CONFIRMED = "CONFIRMED";
    static final String RELEASED = "RELEASED";
}
