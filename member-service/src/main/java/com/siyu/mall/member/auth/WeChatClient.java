package com.siyu.mall.member.auth;

/**
 * The WeChat mini-program login seam: a {@code wx.login()} code in, the user's identity out (jscode2session).
 * A code WeChat rejects (errcode 40029, 40163 used, ...) is 400 WECHAT_CODE_INVALID.
 */
interface WeChatClient {

    WeChatSession exchange(String code);

    /** {@code unionid} is the member's identity across the platform's WeChat apps; {@code openid} is per app. */
    record WeChatSession(String openid, String unionid, String sessionKey) {
    }
}
