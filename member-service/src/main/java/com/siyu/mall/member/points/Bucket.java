package com.siyu.mall.member.points;

/** The balances a member's points sit in; each is the sum of its ledger rows. */
enum Bucket {
    /** Spendable. */
    AVAILABLE,
    /** Earned from an order that has not completed yet. */
    PENDING,
    /** Held for an order that has not been paid or cancelled yet. */
    RESERVED
}
