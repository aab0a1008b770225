package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.pii.PiiCipher;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class SmsLoginIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PiiCipher pii;

    MallHttp http;
    MemberSteps steps;

    @BeforeEach
    void setUp() {
        http = new MallHttp("http://localhost:" + port);
        steps = new MemberSteps(http, context);
    }

    @Test
    void firstLoginRegistersAndTheNextLoginFindsTheSameMember() {
        String phone = MemberSteps.newPhone();
        MallHttp.Response first = steps.loggedIn(phone, null);
        assertThat(first.body().get("memberId").isString()).isTrue();
        assertThat(first.text("accessToken")).isNotBlank();
        assertThat(first.text("refreshToken")).isNotBlank();
        assertThat(first.number("expiresIn")).isEqualTo(900);

        // the random code path: the second code is new and single-use again
        MallHttp.Response second = steps.login(phone, waitOutResendLimitAndRequestCode(phone), null);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.text("memberId")).isEqualTo(first.text("memberId"));
        assertThat(membersWithPhone(phone)).isEqualTo(1);
    }

    @Test
    void codesAreSixRandomDigits() {
        String code = steps.requestCode(MemberSteps.newPhone());
        assertThat(code).matches("\\d{6}");
    }

    @Test
    void aSecondCodeWithinSixtySecondsIsRefused() {
        String phone = MemberSteps.newPhone();
        steps.requestCode(phone);
        MallHttp.Response again = http.post("/api/v1/auth/sms-codes", Map.of("phone", phone), null);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.code()).isEqualTo("SMS_TOO_FREQUENT");
    }

    @Test
    void aWrongCodeIsRejectedAndCreatesNothing() {
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        MallHttp.Response login = steps.login(phone, otherThan(code), null);
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.code()).isEqualTo("SMS_CODE_INVALID");
        assertThat(membersWithPhone(phone)).isZero();
    }

    @Test
    void aCodeForAnotherPhoneOrWithoutAnySendIsRejected() {
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        MallHttp.Response login = steps.login(MemberSteps.newPhone(), code, null);
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.code()).isEqualTo("SMS_CODE_INVALID");
    }

    @Test
    void fiveWrongCodesBurnTheCode() {
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        for (int i = 0; i < 5; i++) {
            assertThat(steps.login(phone, otherThan(code), null).code()).isEqualTo("SMS_CODE_INVALID");
        }
        MallHttp.Response withRightCode = steps.login(phone, code, null);
        assertThat(withRightCode.status()).isEqualTo(400);
        assertThat(withRightCode.code()).isEqualTo("SMS_CODE_INVALID");
        assertThat(membersWithPhone(phone)).isZero();
    }

    @Test
    void fourWrongCodesStillLeaveTheRightOneUsable() {
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        for (int i = 0; i < 4; i++) {
            steps.login(phone, otherThan(code), null);
        }
        assertThat(steps.login(phone, code, null).status()).isEqualTo(200);
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        assertThat(steps.login(phone, code, null).status()).isEqualTo(200);
        MallHttp.Response replay = steps.login(phone, code, null);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("SMS_CODE_INVALID");
    }

    @Test
    void anUnknownInviteCodeIsRejectedWithoutSpendingTheCode() {
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        MallHttp.Response login = steps.login(phone, code, "ZZZZ9999");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.code()).isEqualTo("INVITE_CODE_INVALID");
        assertThat(membersWithPhone(phone)).isZero();
        assertThat(steps.login(phone, code, null).status()).isEqualTo(200);
    }

    @Test
    void anInvalidPhoneIsABadRequest() {
        for (String phone : new String[] {"12812345678", "1381234567", "abc", ""}) {
            MallHttp.Response sent = http.post("/api/v1/auth/sms-codes", Map.of("phone", phone), null);
            assertThat(sent.status()).as(phone).isEqualTo(400);
            assertThat(sent.contentType()).startsWith("application/problem+json");
            assertThat(sent.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(sent.body().path("errors").get(0).path("field").asString()).isEqualTo("phone");
        }
        assertThat(http.post("/api/v1/auth/sms-codes", "{}", null).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void malformedJsonIsABadRequest() {
        for (String path : new String[] {"/api/v1/auth/sms-codes", "/api/v1/auth/login", "/api/v1/auth/refresh",
                "/admin/v1/auth/login"}) {
            MallHttp.Response response = http.post(path, "{\"phone\": ", null);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        }
    }

    @Test
    void aMalformedCodeIsRejectedWithoutCountingAsATry() {
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        for (int i = 0; i < 6; i++) {
            assertThat(steps.login(phone, "12ab", null).code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(steps.login(phone, code, null).status()).isEqualTo(200);
    }

    private String waitOutResendLimitAndRequestCode(String phone) {
        // move the last send back in time instead of sleeping through the 60-second limit
        jdbc.update("UPDATE sms_code SET sent_at = sent_at - INTERVAL 61 SECOND WHERE phone_hash = ?", pii.hash(phone));
        return steps.requestCode(phone);
    }

    private int membersWithPhone(String phone) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE phone_hash = ?", Integer.class, pii.hash(phone));
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}
