package com.siyu.mall.member.paidorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefundReversalsTest {

    @Test
    void growthIsTakenBackPerRefundedWholeYuanOnTheCumulativeRefund() {
        // paid 150.50 yuan: 150 growth. Refunds of 0.50 + 0.60 + 149.40 yuan take back 0 + 1 + 149.
        assertThat(RefundReversals.growthReversed(100, 15_050, 0, 50)).isZero();
        assertThat(RefundReversals.growthReversed(100, 15_050, 50, 60)).isEqualTo(1);
        assertThat(RefundReversals.growthReversed(100, 15_050, 110, 14_940)).isEqualTo(149);
    }

    @Test
    void neverMoreThanTheOrderGave() {
        assertThat(RefundReversals.growthReversed(100, 15_050, 0, 99_999)).isEqualTo(150);
        assertThat(RefundReversals.growthReversed(100, 15_050, 15_050, 100)).isZero();
    }
}
