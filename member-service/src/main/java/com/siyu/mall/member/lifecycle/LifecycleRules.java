package com.siyu.mall.member.lifecycle;

import com.siyu.mall.member.config.MemberProperties;
import java.time.Instant;

/**
 * NEW: no paid order. DORMANT: has paid, but not within {@code dormantAfter}. LOYAL: at least {@code loyalOrders}
 * paid orders or {@code loyalPaidFen} paid within {@code loyalWindow}. REPEAT: two or more paid orders. FIRST_ORDER:
 * one. Checked in that order, so a member who stops buying becomes DORMANT whatever they were before.
 */
final class LifecycleRules {

    private final MemberProperties.Lifecycle rules;

    LifecycleRules(MemberProperties.Lifecycle rules) {
        this.rules = rules;
    }

    Stage stageFor(PaidHistory history, Instant now) {
        if (history.paidOrders() == 0) {
            return Stage.NEW;
        }
        if (history.lastPaidAt().isBefore(now.minus(rules.dormantAfter()))) {
            return Stage.DORMANT;
        }
        if (history.ordersInWindow() >= rules.loyalOrders() || history.paidFenInWindow() >= rules.loyalPaidFen()) {
            return Stage.LOYAL;
        }
        return history.paidOrders() >= 2 ? Stage.REPEAT : Stage.FIRST_ORDER;
    }

    /** Paid orders at or after this instant count towards LOYAL. */
    Instant loyalWindowStart(Instant now) {
        return now.minus(rules.loyalWindow());
    }
}
