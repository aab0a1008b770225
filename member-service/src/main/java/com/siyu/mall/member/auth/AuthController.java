package com.siyu.mall.member.auth;

import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.member.auth.AuthRequests.LoginRequest;
import com.siyu.mall.member.auth.AuthRequests.RefreshRequest;
import com.siyu.mall.member.auth.AuthRequests.SendSmsCodeRequest;
import com.siyu.mall.member.auth.AuthRequests.TokenPair;
import jakarta.validation.Valid;
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

    AuthController(SmsCodes smsCodes, MemberLogins logins) {
        this.smsCodes = smsCodes;
        this.logins = logins;
    }

    @PostMapping("/sms-codes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void sendSmsCode(@Valid @RequestBody SendSmsCodeRequest request) {
        smsCodes.send(request.phone());
    }

    @PostMapping("/login")
    TokenPair login(@Valid @RequestBody LoginRequest request) {
        return logins.login(request);
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
