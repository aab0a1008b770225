package com.siyu.mall.contracts.member;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /internal/members/{id}/benefits}: the one answer pricing needs — the member's level and paid-card
 * benefits in force at {@code asOf}.
 *
 * @param levelCode            member-service level code ({@code V0}…), for explicit per-level SKU prices
 * @param levelDiscountPercent percent off from the level (5 = 5 % off)
 * @param cardPlanCode         the active paid card's plan code, or {@code null} without one
 * @param cardExpiresAt        when that card stops, or {@code null}
 * @param cardDiscountPercent  extra percent off from the card, applied after the level discount (0 without a card)
 * @param pointsMultiplier     level multiplier × card multiplier
 * @param freeShipping         level or card grants free shipping
 * @param lifecycle            {@code NEW}, {@code FIRST_ORDER}, {@code REPEAT}, {@code LOYAL}, {@code DORMANT}
 */
public record MemberBenefits(long memberId, String levelCode, int levelDiscountPercent, String cardPlanCode,
        Instant cardExpiresAt, int cardDiscountPercent, BigDecimal pointsMultiplier, boolean freeShipping,
        String lifecycle, Instant asOf) {
}
