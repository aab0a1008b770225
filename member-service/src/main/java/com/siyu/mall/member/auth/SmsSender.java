package com.siyu.mall.member.auth;

/** The seam to an SMS provider. Implementations never log a full phone number. */
interface SmsSender {

    void sendLoginCode(String phone, String code);
}
