package com.siyu.mall.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.common.error.MallException;
import org.junit.jupiter.api.Test;

class PriceRulesTest {

    @Test
    void acceptsAPriceWithOrWithoutAStrikeThroughPriceAtOrAboveIt() {
        PriceRules.check(1, null);
        PriceRules.check(1999, 1999L);
        PriceRules.check(1999, 2999L);
    }

    @Test
    void rejectsAStrikeThroughPriceBelowThePrice() {
        assertInvalid(() -> PriceRules.check(1999, 1998L));
    }

    @Test
    void rejectsAPriceBelowOneFenOrAboveTheMaximum() {
        assertInvalid(() -> PriceRules.check(0, null));
        assertInvalid(() -> PriceRules.check(PriceRules.MAX_PRICE_FEN + 1, null));
    }

    private static void assertInvalid(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOf(MallException.class)
                .satisfies(e -> assertThat(((MallException) e).code()).isEqualTo("PRICE_INVALID"));
    }
}
