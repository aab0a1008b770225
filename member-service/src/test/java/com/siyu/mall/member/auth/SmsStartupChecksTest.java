package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmsStartupChecksTest {

    @Test
    void refusesAFixedCodeWithARealSmsProvider() {
        assertThatThrownBy(() -> SmsConfig.checkStartup(new SmsProperties("aliyun", "123456")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MALL_SMS_FIXED_CODE").hasMessageContaining("aliyun");
    }

    @Test
    void refusesAProviderThatHasNoImplementation() {
        assertThatThrownBy(() -> SmsConfig.checkStartup(new SmsProperties("aliyun", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no implementation");
    }

    @Test
    void refusesAFixedCodeThatIsNotSixDigits() {
        assertThatThrownBy(() -> SmsConfig.checkStartup(new SmsProperties("log", "12345")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("6 digits");
    }

    @Test
    void acceptsTheLogProviderWithOrWithoutAFixedCode() {
        assertThatCode(() -> SmsConfig.checkStartup(new SmsProperties("log", "123456"))).doesNotThrowAnyException();
        assertThatCode(() -> SmsConfig.checkStartup(new SmsProperties(null, null))).doesNotThrowAnyException();
    }
}
