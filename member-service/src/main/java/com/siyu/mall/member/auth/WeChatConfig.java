package com.siyu.mall.member.auth;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.member.config.LocalProfile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WeChatProperties.class, AuthLimitProperties.class})
class WeChatConfig {

    @Bean
    WeChatClient weChatClient(WeChatProperties props, Environment env) {
        checkStartup(props, LocalProfile.isActive(env));
        if (!props.enabled()) {
            return code -> {
                throw new MallException(HttpStatus.NOT_FOUND, "WECHAT_LOGIN_DISABLED", "WeChat login is switched off");
            };
        }
        if (WeChatProperties.LOCAL.equals(props.provider())) {
            return new LocalWeChatClient();
        }
        // Placeholder for the real adapter: GET https://api.weixin.qq.com/sns/jscode2session?appid&secret&js_code
        // &grant_type=authorization_code → {openid, unionid, session_key} or {errcode, errmsg}.
        return code -> {
            throw new MallException(HttpStatus.SERVICE_UNAVAILABLE, "WECHAT_UNAVAILABLE",
                    "the jscode2session adapter is not implemented yet");
        };
    }

    /** The local stand-in lets anyone be anyone: outside the local profile WeChat needs real credentials or must be off. */
    static void checkStartup(WeChatProperties props, boolean localProfile) {
        if (!props.enabled()) {
            return;
        }
        boolean local = WeChatProperties.LOCAL.equals(props.provider());
        if (!local && !WeChatProperties.JSCODE2SESSION.equals(props.provider())) {
            throw new IllegalStateException("mall.wechat.provider=" + props.provider() + " is unknown; use local or "
                    + "jscode2session");
        }
        if (!localProfile && local) {
            throw new IllegalStateException("mall.wechat.provider=local is only allowed under the local profile; set "
                    + "MALL_WECHAT_PROVIDER=jscode2session with MALL_WECHAT_APP_ID and MALL_WECHAT_SECRET, or "
                    + "MALL_WECHAT_ENABLED=false");
        }
        if (!local && (props.appId() == null || props.secret() == null)) {
            throw new IllegalStateException("mall.wechat.app-id and mall.wechat.secret (MALL_WECHAT_APP_ID, "
                    + "MALL_WECHAT_SECRET) are required for the jscode2session provider, or set MALL_WECHAT_ENABLED=false");
        }
    }
}
