package com.siyu.mall.catalog.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.catalog.pricing.MemberPricing.Price;
import com.siyu.mall.contracts.member.MemberBenefits;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemberPricingTest {

    static MemberBenefits benefits(String level, int levelPercent, String card, int cardPercent) {
        return new MemberBenefits(7, level, levelPercent, card, card == null ? null : Instant.now().plusSeconds(86400),
                cardPercent, BigDecimal.ONE, false, "REPEAT", Instant.now());
    }

    @Test
    void guestPaysTheListPrice() {
        assertThat(MemberPricing.guest(9999)).isEqualTo(new Price(9999, "LIST_PRICE"));
    }

    @Test
    void memberWithoutDiscountsPaysTheListPrice() {
        assertThat(MemberPricing.of(9999, null, benefits("V0", 0, null, 0))).isEqualTo(new Price(9999, "LIST_PRICE"));
    }

    @Test
    void levelDiscountRoundsDownInTheMembersFavour() {
        // 999 × 0.95 = 949.05 → 949
        assertThat(MemberPricing.of(999, null, benefits("V2", 5, null, 0)))
                .isEqualTo(new Price(949, "LEVEL_DISCOUNT:V2:5%"));
        // 1001 × 0.97 = 970.97 → 970 (down, never half-up)
        assertThat(MemberPricing.of(1001, null, benefits("V1", 3, null, 0)).unitPriceFen()).isEqualTo(970);
    }

    @Test
    void cardDiscountAppliesAfterTheLevelDiscountEachStepRounded() {
        // 10 001 × 0.95 = 9 500.95 → 9 500; × 0.90 = 8 550
        assertThat(MemberPricing.of(10_001, null, benefits("V3", 5, "GOLD", 10)))
                .isEqualTo(new Price(8550, "LEVEL_DISCOUNT:V3:5%+CARD_DISCOUNT:GOLD:10%"));
        assertThat(MemberPricing.of(1000, null, benefits("V0", 0, "GOLD", 10)))
                .isEqualTo(new Price(900, "CARD_DISCOUNT:GOLD:10%"));
    }

    @Test
    void explicitLevelPriceWinsOverTheLevelDiscount() {
        assertThat(MemberPricing.of(9999, 8900L, benefits("V2", 5, null, 0)))
                .isEqualTo(new Price(8900, "LEVEL_PRICE:V2"));
    }

    @Test
    void cardDiscountAlsoAppliesOnTopOfAnExplicitLevelPrice() {
        // 8 900 × 0.90 = 8 010
        assertThat(MemberPricing.of(9999, 8900L, benefits("V2", 5, "GOLD", 10)))
                .isEqualTo(new Price(8010, "LEVEL_PRICE:V2+CARD_DISCOUNT:GOLD:10%"));
    }

    @Test
    void explicitLevelPriceIsCappedAtTheListPrice() {
        // the list price was lowered below an older level price: a member never pays more than a guest
        assertThat(MemberPricing.of(5000, 8900L, benefits("V2", 0, null, 0)).unitPriceFen()).isEqualTo(5000);
    }

    @Test
    void neverBelowOneFen() {
        assertThat(MemberPricing.of(1, null, benefits("V4", 50, "GOLD", 50)).unitPriceFen()).isEqualTo(1);
        assertThat(MemberPricing.of(3, null, benefits("V4", 90, null, 0)).unitPriceFen()).isEqualTo(1);
        assertThat(MemberPricing.of(100, null, benefits("V4", 100, null, 0)).unitPriceFen()).isEqualTo(1);
    }

    @Test
    void outOfRangePercentsAreClamped() {
        assertThat(MemberPricing.of(1000, null, benefits("V1", -5, null, 0)).unitPriceFen()).isEqualTo(1000);
        assertThat(MemberPricing.of(1000, null, benefits("V1", 150, null, 0)).unitPriceFen()).isEqualTo(1);
    }
}
