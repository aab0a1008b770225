package com.siyu.mall.member.auth;

import com.siyu.mall.member.member.Phones;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@code /api/v1/auth}. */
final class AuthRequests {

    private AuthRequests() {
    }

    record SendSmsCodeRequest(
            @NotNull @Pattern(regexp = Phones.REGEX, message = "must be a mainland China mobile number") String phone) {
    }

    record LoginRequest(
            @NotNull @Pattern(regexp = Phones.REGEX, message = "must be a mainland China mobile number") String phone,
            @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be 6 digits") String code,
            @Pattern(regexp = "^[A-Za-z0-9]{4,16}$", message = "must be 4-16 letters or digits") String inviteCode) {
    }

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
    }

    record WeChatLoginRequest(
            @NotBlank @Size(max = 128) String code,
            @Pattern(regexp = "^[A-Za-z0-9]{4,16}$", message = "must be 4-16 letters or digits") String inviteCode) {
    }

    record BindPhoneRequest(
            @NotBlank @Size(max = 128) String bindToken,
            @NotNull @Pattern(regexp = Phones.REGEX, message = "must be a mainland China mobile number") String phone,
            @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be 6 digits") String code) {
    }

    /** Either tokens ({@code needsPhone: false}) or a bind token for {@code /wechat-mini/bind-phone}. */
    record WeChatLoginResult(boolean needsPhone, String bindToken, Long bindTokenExpiresIn, String accessToken,
            String refreshToken, Long expiresIn, String memberId) {

        static WeChatLoginResult loggedIn(TokenPair pair) {
            return new WeChatLoginResult(false, null, null, pair.accessToken(), pair.refreshToken(), pair.expiresIn(),
                    pair.memberId());
        }

        static WeChatLoginResult needsPhone(String bindToken, long expiresIn) {
            return new WeChatLoginResult(true, bindToken, expiresIn, null, null, null, null);
        }
    }

    record TokenPair(String accessToken, String refreshToken, long expiresIn, String memberId) {
    }
}
