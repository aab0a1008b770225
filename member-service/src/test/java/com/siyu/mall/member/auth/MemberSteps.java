package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContext;

/** Test steps for SMS login, reading the real (random) code back from the local SMS adapter. */
public final class MemberSteps {

    private final MallHttp http;
    private final LogSmsSender sms;

    public MemberSteps(MallHttp http, ApplicationContext context) {
        this.http = http;
        this.sms = context.getBean(LogSmsSender.class);
    }

    /** A fresh valid phone per call, so the one-send-per-minute limit never couples tests. */
    public static String newPhone() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Requests a code and returns what the SMS adapter delivered. */
    public String requestCode(String phone) {
        MallHttp.Response sent = http.post("/api/v1/auth/sms-codes", Map.of("phone", phone), null);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        return sms.lastCode(phone).orElseThrow();
    }

    public MallHttp.Response login(String phone, String code, String inviteCode) {
        Map<String, String> body = new HashMap<>(Map.of("phone", phone, "code", code));
        if (inviteCode != null) {
            body.put("inviteCode", inviteCode);
        }
        return http.post("/api/v1/auth/login", body, null);
    }

    /** Code + login for {@code phone}; asserts success and returns the token pair. */
    public MallHttp.Response loggedIn(String phone, String inviteCode) {
        MallHttp.Response login = login(phone, requestCode(phone), inviteCode);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login;
    }

    public MallHttp.Response newMember() {
        return loggedIn(newPhone(), null);
    }
}
