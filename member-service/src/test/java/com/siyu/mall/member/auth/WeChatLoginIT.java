package com.siyu.mall.member.auth;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class WeChatLoginIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MallHttp http;
    MemberSteps steps;

    @BeforeEach
    void setUp() {
        http = new MallHttp("http://localhost:" + port);
        steps = new MemberSteps(http, context);
    }

    @Test
    void aNewWeChatUserBindsAPhoneAndIsRegisteredWithTheInviter() {
        MallHttp.Response inviter = steps.newMember();
        String inviteCode = http.get("/api/v1/members/me", inviter.text("accessToken")).text("inviteCode");
        String code = newCode();
        try (EventCollector events = EventCollector.of(Topics.MEMBER)) {
            MallHttp.Response first = wechat(code, inviteCode);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(first.body().get("needsPhone").asBoolean()).isTrue();
            assertThat(first.text("bindToken")).isNotBlank();
            assertThat(first.body().get("accessToken").isNull()).isTrue();

            String phone = MemberSteps.newPhone();
            MallHttp.Response bound = bind(first.text("bindToken"), phone, steps.requestCode(phone));
            assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
            assertThat(bound.body().get("needsPhone").asBoolean()).isFalse();
            assertThat(bound.text("accessToken")).isNotBlank();
            String memberId = bound.text("memberId");
            assertThat(http.get("/api/v1/members/me", bound.text("accessToken")).text("memberId")).isEqualTo(memberId);

            var registered = events.await("MemberRegistered", memberId, Duration.ofSeconds(20));
            assertThat(registered.payload().path("inviterId").asString()).isEqualTo(inviter.text("memberId"));

            // a returning WeChat user (same unionid) gets tokens for the same member straight away
            MallHttp.Response again = wechat(code, null);
            assertThat(again.body().get("needsPhone").asBoolean()).isFalse();
            assertThat(again.text("memberId")).isEqualTo(memberId);
            assertThat(again.text("refreshToken")).isNotBlank();
        }
    }

    @Test
    void bindingAPhoneOfAnExistingMemberLogsIntoThatMember() {
        String phone = MemberSteps.newPhone();
        String memberId = steps.loggedIn(phone, null).text("memberId");
        MallHttp.Response first = wechat(newCode(), null);
        MallHttp.Response bound = bind(first.text("bindToken"), phone, waitAndRequestCode(phone));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        assertThat(bound.text("memberId")).isEqualTo(memberId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_wechat WHERE member_id = ?", Integer.class,
                Long.parseLong(memberId))).isEqualTo(1);
    }

    @Test
    void aUnionIdBoundToAnotherMemberIs409AndChangesNothing() {
        String code = newCode();
        String firstToken = wechat(code, null).text("bindToken");
        String secondToken = wechat(code, null).text("bindToken");
        String phoneA = MemberSteps.newPhone();
        assertThat(bind(firstToken, phoneA, steps.requestCode(phoneA)).status()).isEqualTo(200);

        String phoneB = MemberSteps.newPhone();
        String codeB = steps.requestCode(phoneB);
        assertProblem(bind(secondToken, phoneB, codeB), 409, "WECHAT_ALREADY_BOUND");
        // refused before the SMS code was spent, and nobody was registered for phone B
        assertThat(steps.login(phoneB, codeB, null).status()).isEqualTo(200);
    }

    @Test
    void aMemberBoundToOneWeChatAccountCannotBindAnother() {
        String phone = MemberSteps.newPhone();
        String first = wechat(newCode(), null).text("bindToken");
        assertThat(bind(first, phone, steps.requestCode(phone)).status()).isEqualTo(200);
        String other = wechat(newCode(), null).text("bindToken");
        assertProblem(bind(other, phone, waitAndRequestCode(phone)), 409, "MEMBER_WECHAT_BOUND");
    }

    @Test
    void aBindTokenWorksOnce() {
        String token = wechat(newCode(), null).text("bindToken");
        String phone = MemberSteps.newPhone();
        assertThat(bind(token, phone, steps.requestCode(phone)).status()).isEqualTo(200);
        String other = MemberSteps.newPhone();
        assertProblem(bind(token, other, steps.requestCode(other)), 400, "BIND_TOKEN_INVALID");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        int tokens = jdbc.queryForObject("SELECT COUNT(*) FROM wechat_bind_token", Integer.class);
        assertProblem(wechat("invalid-" + UUID.randomUUID(), null), 400, "WECHAT_CODE_INVALID");
        assertProblem(http.post("/api/v1/auth/wechat-mini", Map.of("code", " "), null), 400, "VALIDATION_FAILED");
        assertProblem(http.post("/api/v1/auth/wechat-mini", Map.of(), null), 400, "VALIDATION_FAILED");
        assertProblem(wechat(newCode(), "not a code!"), 400, "VALIDATION_FAILED");
        assertProblem(wechat(newCode(), "ZZZZZZZZ"), 400, "INVITE_CODE_INVALID");
        assertProblem(http.post("/api/v1/auth/wechat-mini", "{", null), 400, "MALFORMED_REQUEST");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_bind_token", Integer.class)).isEqualTo(tokens);

        String token = wechat(newCode(), null).text("bindToken");
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        assertProblem(bind("nope", phone, code), 400, "BIND_TOKEN_INVALID");
        assertProblem(bind(token, "12345", code), 400, "VALIDATION_FAILED");
        assertProblem(bind(token, phone, "12ab56"), 400, "VALIDATION_FAILED");
        assertProblem(bind(token, phone, code.equals("000000") ? "111111" : "000000"), 400, "SMS_CODE_INVALID");
        assertThat(steps.login(phone, code, null).status()).as("nothing was registered or bound").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wechat_bind_token WHERE used_at IS NOT NULL AND token_hash = "
                + "SHA2(?, 256)", Integer.class, token)).isZero();
    }

    private String waitAndRequestCode(String phone) {
        jdbc.update("UPDATE sms_code SET sent_at = sent_at - INTERVAL 2 MINUTE WHERE phone_hash = ?",
                context.getBean(com.siyu.mall.common.pii.PiiCipher.class).hash(phone));
        return steps.requestCode(phone);
    }

    private MallHttp.Response wechat(String code, String inviteCode) {
        Map<String, String> body = new HashMap<>(Map.of("code", code));
        if (inviteCode != null) {
            body.put("inviteCode", inviteCode);
        }
        return http.post("/api/v1/auth/wechat-mini", body, null);
    }

    private MallHttp.Response bind(String bindToken, String phone, String code) {
        return http.post("/api/v1/auth/wechat-mini/bind-phone", Map.of("bindToken", bindToken, "phone", phone,
                "code", code), null);
    }

    static String newCode() {
        return "wx-" + UUID.randomUUID();
    }
}
