package com.siyu.mall.member.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalletRulesTest {

    @Test
    void debitSpendsPrincipalAndBonusInProportionRoundingTheBonusDown() {
        // ¥500 paid + ¥50 bonus: 1/11 of every debit is bonus
        assertThat(WalletRules.debit(1100, 50_000, 5_000)).isEqualTo(new WalletRules.Split(1000, 100));
        assertThat(WalletRules.debit(1, 50_000, 5_000)).as("a single fen rounds to principal")
                .isEqualTo(new WalletRules.Split(1, 0));
        assertThat(WalletRules.debit(55_000, 50_000, 5_000)).isEqualTo(new WalletRules.Split(50_000, 5_000));
        assertThat(WalletRules.debit(300, 0, 500)).isEqualTo(new WalletRules.Split(0, 300));
        assertThat(WalletRules.debit(300, 500, 0)).isEqualTo(new WalletRules.Split(300, 0));
    }

    @Test
    void debitNeverTakesMoreOfEitherPartThanThereIs() {
        for (long principal = 0; principal <= 30; principal++) {
            for (long bonus = 0; bonus <= 30; bonus++) {
                for (long amount = 1; amount <= principal + bonus; amount++) {
                    WalletRules.Split s = WalletRules.debit(amount, principal, bonus);
                    assertThat(s.total()).isEqualTo(amount);
                    assertThat(s.principalFen()).isBetween(0L, principal);
                    assertThat(s.bonusFen()).isBetween(0L, bonus);
                }
            }
        }
    }

    @Test
    void debitRejectsMoreThanTheBalanceAndNonPositiveAmounts() {
        assertThatThrownBy(() -> WalletRules.debit(101, 50, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WalletRules.debit(0, 50, 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialRefundsRestoreTheDebitsProportionAndAFullRefundRestoresItExactly() {
        // debit of 1000 of which 333 bonus, refunded in three parts
        WalletRules.Split first = WalletRules.refund(1000, 333, 0, 0, 1);
        assertThat(first).isEqualTo(new WalletRules.Split(1, 0));
        WalletRules.Split second = WalletRules.refund(1000, 333, 1, 0, 500);
        assertThat(second).isEqualTo(new WalletRules.Split(334, 166)); // floor(501 × 333 / 1000) = 166
        WalletRules.Split rest = WalletRules.refund(1000, 333, 501, 166, 499);
        assertThat(rest).isEqualTo(new WalletRules.Split(332, 167));
        assertThat(first.bonusFen() + second.bonusFen() + rest.bonusFen()).isEqualTo(333);
        assertThat(first.principalFen() + second.principalFen() + rest.principalFen()).isEqualTo(667);
    }

    @Test
    void refundsNeverExceedTheDebit() {
        assertThatThrownBy(() -> WalletRules.refund(1000, 333, 900, 299, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long big = 4_000_000_000_000_000L;
        assertThat(WalletRules.debit(big, big, big)).isEqualTo(new WalletRules.Split(big / 2, big / 2));
    }
}
