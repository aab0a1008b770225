package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.common.error.MallException;
import org.junit.jupiter.api.Test;

class WeChatStartupChecksTest {

    @Test
    void theLocalStandInIsOnlyForTheLocalProfile() {
        WeChatProperties local = new WeChatProperties(true, "local", null, null, null);
        assertThatCode(() -> WeChatConfig.checkStartup(local, true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> WeChatConfig.checkStartup(local, false)).hasMessageContaining("MALL_WECHAT_ENABLED=false");
    }

    @Test
    void jscode2sessionNeedsAppIdAndSecret() {
        assertThatThrownBy(() -> WeChatConfig.checkStartup(new WeChatProperties(true, "jscode2session", "wx1", null,
                null), false)).hasMessageContaining("MALL_WECHAT_SECRET");
        assertThatCode(() -> WeChatConfig.checkStartup(new WeChatProperties(true, "jscode2session", "wx1", "s", null),
                false)).doesNotThrowAnyException();
    }

    @Test
    void switchedOffNeedsNothing() {
        assertThatCode(() -> WeChatConfig.checkStartup(new WeChatProperties(false, "local", null, null, null), false))
                .doesNotThrowAnyException();
    }

    @Test
    void theLocalStandInIsDeterministicAndRejectsInvalidCodes() {
        LocalWeChatClient client = new LocalWeChatClient();
        assertThat(client.exchange("abc")).isEqualTo(client.exchange("abc"));
        assertThat(client.exchange("abc").unionid()).isNotEqualTo(client.exchange("abd").unionid());
        assertThatThrownBy(() -> client.exchange("invalid-1")).isInstanceOf(MallException.class)
                .extracting(e -> ((MallException) e).code()).isEqualTo("WECHAT_CODE_INVALID");
    }
}
