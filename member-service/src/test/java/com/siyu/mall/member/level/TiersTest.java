package com.siyu.mall.member.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.common.error.MallException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TiersTest {

    static Tier tier(String code, long threshold) {
        return new Tier(code, code, threshold, 0, BigDecimal.ONE, false, null);
    }

    static final List<Tier> DEFAULTS = List.of(tier("V0", 0), tier("V1", 500), tier("V2", 2000), tier("V3", 5000),
            tier("V4", 20000));

    @Test
    void growthReachesTheHighestTierWhoseThresholdItMeets() {
        Tiers tiers = new Tiers(DEFAULTS);
        assertThat(tiers.tierFor(0).code()).isEqualTo("V0");
        assertThat(tiers.tierFor(499).code()).isEqualTo("V0");
        assertThat(tiers.tierFor(500).code()).isEqualTo("V1");
        assertThat(tiers.tierFor(4999).code()).isEqualTo("V2");
        assertThat(tiers.tierFor(20000).code()).isEqualTo("V4");
        assertThat(tiers.tierFor(10_000_000).code()).isEqualTo("V4");
    }

    @Test
    void progressIsThePercentOfTheWayToTheNextTierRoundedDown() {
        Tiers tiers = new Tiers(DEFAULTS);
        assertThat(tiers.progressPercent(0)).isZero();
        assertThat(tiers.progressPercent(499)).isEqualTo(99);
        assertThat(tiers.progressPercent(500)).isZero();
        assertThat(tiers.progressPercent(1250)).isEqualTo(50);
        assertThat(tiers.progressPercent(25000)).isEqualTo(100);
        assertThat(tiers.next(tiers.tierFor(25000))).isEmpty();
        assertThat(tiers.next(tiers.tierFor(600)).orElseThrow().code()).isEqualTo("V2");
    }

    @Test
    void tiersAreOrderedByTheirNumberNotByName() {
        List<Tier> tiers = new ArrayList<>(DEFAULTS);
        tiers.add(tier("V10", 100_000));
        assertThat(Tiers.validate(tiers).all()).extracting(Tier::code).endsWith("V4", "V10");
    }

    @Test
    void thresholdsMustStrictlyIncrease() {
        List<Tier> equal = new ArrayList<>(DEFAULTS);
        equal.set(2, tier("V2", 500));
        assertThatThrownBy(() -> Tiers.validate(equal)).isInstanceOf(MallException.class)
                .extracting(e -> ((MallException) e).code()).isEqualTo("LEVEL_THRESHOLDS_NOT_INCREASING");

        List<Tier> lower = new ArrayList<>(DEFAULTS);
        lower.set(4, tier("V4", 4000));
        assertThatThrownBy(() -> Tiers.validate(lower)).extracting(e -> ((MallException) e).code())
                .isEqualTo("LEVEL_THRESHOLDS_NOT_INCREASING");
    }

    @Test
    void v0MustExistAtZero() {
        assertThatThrownBy(() -> Tiers.validate(DEFAULTS.subList(1, 5))).extracting(e -> ((MallException) e).code())
                .isEqualTo("LEVEL_BASE_PROTECTED");
        List<Tier> moved = new ArrayList<>(DEFAULTS);
        moved.set(0, tier("V0", 1));
        assertThatThrownBy(() -> Tiers.validate(moved)).extracting(e -> ((MallException) e).code())
                .isEqualTo("LEVEL_BASE_PROTECTED");
    }
}
