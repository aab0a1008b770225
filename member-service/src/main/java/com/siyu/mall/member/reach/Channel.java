package com.siyu.mall.member.reach;

import com.siyu.mall.common.error.MallException;
import java.util.Arrays;

/** The channels a marketing message can take; a member consents to each one separately. */
enum Channel {
    SMS, WECHAT_SUBSCRIBE, WECOM, APP_PUSH;

    /** 400 CHANNEL_INVALID for anything but one of the names above. */
    static Channel parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> MallException.badRequest("CHANNEL_INVALID",
                        "channel must be one of " + Arrays.toString(values())));
    }
}
