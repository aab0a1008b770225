package com.siyu.mall.member.level;

import java.math.BigDecimal;

/**
 * One level: reached at {@code growthThreshold} growth value, with its benefits.
 *
 * @param discountPercent  percent off member prices (5 = 5 % off)
 * @param pointsMultiplier points per paid yuan are multiplied by this (rounded down)
 */
public record Tier(String code, String name, long growthThreshold, int discountPercent, BigDecimal pointsMultiplier,
        boolean freeShipping, Long birthdayCouponTemplateId) {

    /** {@code V3 -> 3}: the order of tiers. */
    int rank() {
        return Integer.parseInt(code.substring(1));
    }
}
