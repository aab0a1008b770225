package com.siyu.mall.member.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled      WeChat mini-program login on or off (off: the endpoints answer 404 WECHAT_LOGIN_DISABLED)
 * @param provider     {@code local} (deterministic stand-in, local profile only) or {@code jscode2session}
 * @param appId        the mini-program's appid (jscode2session)
 * @param secret       the mini-program's app secret (jscode2session)
 * @param bindTokenTtl how long a new WeChat user has to bind a phone
 */
@ConfigurationProperties("mall.wechat")
record WeChatProperties(Boolean enabled, String provider, String appId, String secret, Duration bindTokenTtl) {

    static final String LOCAL = "local";
    static final String JSCODE2SESSION = "jscode2session";

    WeChatProperties {
        enabled = enabled == null || enabled;
        provider = provider == null || provider.isBlank() ? LOCAL : provider.trim();
        appId = appId == null || appId.isBlank() ? null : appId.trim();
        secret = secret == null || secret.isBlank() ? null : secret.trim();
        bindTokenTtl = bindTokenTtl == null ? Duration.ofMinutes(10) : bindTokenTtl;
    }
}
