package com.siyu.mall.member.auth;

import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.member.auth.AuthRequests.LoginRequest;
import com.siyu.mall.member.auth.AuthRequests.RefreshRequest;
import com.siyu.mall.member.auth.AuthRequests.SendSmsCodeRequest;
import com.siyu.mall.member.auth.AuthRequests.TokenPair;
import com.siyu.mall.member.auth.AuthRequests.BindPhoneRequest;
import com.siyu.mall.member.auth.AuthRequests.WeChatLoginRequest;
import com.siyu.mall.member.auth.AuthRequests.WeChatLoginResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final SmsCodes smsCodes;
    private final MemberLogins logins;
    private final WeChatLogins wechat;
    private final AuthLimits limits;
    private final AuthLimitProperties limitProps;
    private final Clock clock;

    AuthController(SmsCodes smsCodes, MemberLogins logins, WeChatLogins wechat, AuthLimits limits,
            AuthLimitProperties limitProps, Clock clock) {
        this.smsCodes = smsCodes;
        this.logins = logins;
        this.wechat = wechat;
        this.limits = limits;
        this.limitProps = limitProps;
        this.clock = clock;
    }

    @PostMapping("/sms-codes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void sendSmsCode(@Valid @RequestBody SendSmsCodeRequest request, HttpServletRequest http) {
        smsCodes.send(request.phone(), ClientIp.of(http, limitProps.trustForwarded()));
    }

    @PostMapping("/login")
    TokenPair login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        countLoginAttempt(http);
        return logins.login(request);
    }

    @PostMapping("/wechat-mini")
    WeChatLoginResult weChatLogin(@Valid @RequestBody WeChatLoginRequest request, HttpServletRequest http) {
        countLoginAttempt(http);
        return wechat.login(request.code().trim(), request.inviteCode());
    }

    @PostMapping("/wechat-mini/bind-phone")
    WeChatLoginResult bindPhone(@Valid @RequestBody BindPhoneRequest request, HttpServletRequest http) {
        countLoginAttempt(http);
        return wechat.bindPhone(request);
    }

    /** Every attempt counts, right or wrong: a guesser spread over many phones is still one address. */
    private void countLoginAttempt(HttpServletRequest http) {
        limits.loginFromIp(ClientIp.of(http, limitProps.trustForwarded()), clock.instant());
    }

    @PostMapping("/refresh")
    TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
        return logins.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        logins.logout(CurrentUser.memberId(), request.refreshToken());
    }
}
