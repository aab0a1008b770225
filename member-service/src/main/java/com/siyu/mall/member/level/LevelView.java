package com.siyu.mall.member.level;

import java.math.BigDecimal;

/** A level and its benefits as the API shows them (ids as strings). */
record LevelView(String code, String name, long growthThreshold, Benefits benefits) {

    record Benefits(int discountPercent, BigDecimal pointsMultiplier, boolean freeShipping,
            String birthdayCouponTemplateId) {
    }

    static LevelView from(Tier tier) {
        return new LevelView(tier.code(), tier.name(), tier.growthThreshold(), new Benefits(tier.discountPercent(),
                tier.pointsMultiplier(), tier.freeShipping(),
                tier.birthdayCouponTemplateId() == null ? null : String.valueOf(tier.birthdayCouponTemplateId())));
    }
}
