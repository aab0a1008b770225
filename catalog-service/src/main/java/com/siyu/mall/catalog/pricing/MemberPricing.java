package com.siyu.mall.catalog.pricing;

import com.siyu.mall.contracts.member.MemberBenefits;

/**
 * A member's unit price for one SKU, no Spring. The rule order:
 * <ol>
 *   <li>an explicit price for the member's level, when the SKU has one — capped at the list price (a member never
 *       pays more than a guest);</li>
 *   <li>otherwise the list price × (100 − level discount %);</li>
 *   <li>then, on either, × (100 − paid-card discount %): the card is a paid benefit, so it applies on top of a level
 *       price too.</li>
 * </ol>
 * Each step rounds <b>down</b> to the fen (in the member's favour), and the result is never below 1 fen.
 * {@code rule} names every step that changed the price: {@code LIST_PRICE}, {@code LEVEL_PRICE:V2},
 * {@code LEVEL_DISCOUNT:V2:5%}, then {@code +CARD_DISCOUNT:<plan>:10%}.
 */
public final class MemberPricing {

    public static final String LIST_PRICE = "LIST_PRICE";

    public record Price(long unitPriceFen, String rule) {
    }

    private MemberPricing() {
    }

    /** A guest (no member) pays the list price. */
    public static Price guest(long listPriceFen) {
        return new Price(listPriceFen, LIST_PRICE);
    }

    /**
     * @param levelPriceFen the SKU's explicit price for {@code benefits.levelCode()}, or {@code null}
     */
    public static Price of(long listPriceFen, Long levelPriceFen, MemberBenefits benefits) {
        long price = listPriceFen;
        String rule = LIST_PRICE;
        if (levelPriceFen != null) {
            price = Math.min(levelPriceFen, listPriceFen);
            rule = "LEVEL_PRICE:" + benefits.levelCode();
        } else if (percent(benefits.levelDiscountPercent()) > 0) {
            price = discounted(price, benefits.levelDiscountPercent());
            rule = "LEVEL_DISCOUNT:" + benefits.levelCode() + ":" + benefits.levelDiscountPercent() + "%";
        }
        if (percent(benefits.cardDiscountPercent()) > 0) {
            price = discounted(price, benefits.cardDiscountPercent());
            String card = "CARD_DISCOUNT:" + benefits.cardPlanCode() + ":" + benefits.cardDiscountPercent() + "%";
            rule = rule.equals(LIST_PRICE) ? card : rule + "+" + card;
        }
        return new Price(Math.max(1, price), rule);
    }

    /** Floor of price × (100 − percent) / 100; exact in long for prices up to 10^16 fen. */
    static long discounted(long priceFen, int percent) {
        return Math.max(1, priceFen * (100 - percent(percent)) / 100);
    }

    /** A discount outside 0–100 from another service is clamped rather than trusted. */
    private static int percent(int percent) {
        return Math.max(0, Math.min(100, percent));
    }
}
