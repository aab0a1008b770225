package com.siyu.mall.member.admin;

import com.siyu.mall.member.auth.TokenIssuer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AdminAuthController {

    record AdminLoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    record AdminToken(String accessToken, long expiresIn) {
    }

    private final AdminAccounts accounts;

    AdminAuthController(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/admin/v1/auth/login")
    AdminToken login(@Valid @RequestBody AdminLoginRequest request) {
        TokenIssuer.AccessToken token = accounts.login(request.username(), request.password());
        return new AdminToken(token.value(), token.expiresIn());
    }
}
