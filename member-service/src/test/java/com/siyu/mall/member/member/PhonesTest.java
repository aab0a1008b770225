package com.siyu.mall.member.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesTest {

    @Test
    void masksTheMiddleFourDigits() {
        assertThat(Phones.mask("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void masksAnythingThatIsNotAMobileNumberEntirely() {
        assertThat(Phones.mask("12345")).isEqualTo("***");
        assertThat(Phones.mask(null)).isEqualTo("***");
        assertThat(Phones.mask("+8613812345678")).isEqualTo("***");
    }

    @Test
    void acceptsOnlyMainlandMobileNumbers() {
        assertThat(Phones.isValid("13812345678")).isTrue();
        assertThat(Phones.isValid("19912345678")).isTrue();
        assertThat(Phones.isValid("12812345678")).isFalse();
        assertThat(Phones.isValid("1381234567")).isFalse();
        assertThat(Phones.isValid("138123456789")).isFalse();
        assertThat(Phones.isValid("1381234567a")).isFalse();
    }
}
