package com.siyu.mall.member.auth;

import com.siyu.mall.common.error.MallException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The local stand-in for jscode2session: deterministic, so the same code is the same WeChat user
 * ({@code openid = "o" + hash(code)}, {@code unionid = "u" + hash(code)}), and a code starting with {@code invalid}
 * fails the way WeChat's errcode 40029 ("invalid code") does.
 */
class LocalWeChatClient implements WeChatClient {

    @Override
    public WeChatSession exchange(String code) {
        if (code.startsWith("invalid")) {
            throw MallException.badRequest("WECHAT_CODE_INVALID", "WeChat rejected the login code (errcode 40029)");
        }
        return new WeChatSession("o" + sha256("openid:" + code).substring(0, 27),
                "u" + sha256("unionid:" + code).substring(0, 27), sha256("session:" + code).substring(0, 24));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
