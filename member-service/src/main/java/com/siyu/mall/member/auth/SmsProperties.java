package com.siyu.mall.member.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param provider  which {@link SmsSender} delivers codes; only {@code log} exists so far
 * @param fixedCode every login code is this value (local stack and demos only; refused with a real provider)
 */
@ConfigurationProperties("mall.sms")
record SmsProperties(String provider, String fixedCode) {

    static final String LOG_PROVIDER = "log";

    SmsProperties {
        provider = provider == null || provider.isBlank() ? LOG_PROVIDER : provider.trim();
        fixedCode = fixedCode == null || fixedCode.isBlank() ? null : fixedCode.trim();
    }
}
