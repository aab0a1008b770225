package com.siyu.mall.member.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfig {

    private static final Logger log = LoggerFactory.getLogger(SmsConfig.class);

    @Bean
    SmsSender smsSender(SmsProperties props) {
        checkStartup(props);
        if (props.fixedCode() != null) {
            log.warn("MALL_SMS_FIXED_CODE is set: every login code is the fixed code (local stack only)");
        }
        return new LogSmsSender();
    }

    /** A fixed code with a real sender would let anyone log in as anyone: refuse to start instead. */
    static void checkStartup(SmsProperties props) {
        boolean logProvider = SmsProperties.LOG_PROVIDER.equals(props.provider());
        if (props.fixedCode() != null && !logProvider) {
            throw new IllegalStateException("mall.sms.fixed-code (MALL_SMS_FIXED_CODE) is set while mall.sms.provider="
                    + props.provider() + " sends real SMS: a fixed login code is only allowed with the 'log' provider");
        }
        if (props.fixedCode() != null && !SmsCode.FORMAT.matcher(props.fixedCode()).matches()) {
            throw new IllegalStateException("mall.sms.fixed-code (MALL_SMS_FIXED_CODE) must be 6 digits");
        }
        if (!logProvider) {
            throw new IllegalStateException("mall.sms.provider=" + props.provider()
                    + " has no implementation yet; the only SMS provider is 'log'");
        }
    }
}
