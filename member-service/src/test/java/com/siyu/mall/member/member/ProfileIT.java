package com.siyu.mall.member.member;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MemberApi;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@MallIntegrationTest
class ProfileIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    MemberApi api;
    MemberApi.LoggedIn member;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        member = api.newMember();
    }

    @Test
    void aNewMemberIsV0AndNewWithNoBirthday() {
        MallHttp.Response me = me();
        assertThat(me.text("level")).isEqualTo("V0");
        assertThat(me.text("lifecycle")).isEqualTo("NEW");
        assertThat(me.text("gender")).isEqualTo("UNKNOWN");
        assertThat(me.body().path("birthday").isNull()).isTrue();
        assertThat(me.body().path("avatarUrl").isNull()).isTrue();
    }

    @Test
    void patchChangesOnlyTheFieldsItCarries() {
        MallHttp.Response updated = patch(Map.of("nickname", "  小林 ", "avatarUrl", "https://img.example.com/a.png",
                "gender", "FEMALE"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("nickname")).isEqualTo("小林");

        MallHttp.Response again = patch(Map.of("gender", "MALE"));
        assertThat(again.text("gender")).isEqualTo("MALE");
        assertThat(again.text("nickname")).isEqualTo("小林");
        assertThat(again.text("avatarUrl")).isEqualTo("https://img.example.com/a.png");
        assertThat(me().text("gender")).isEqualTo("MALE");
    }

    @Test
    void theBirthdayCanBeSetOnlyOnce() {
        assertThat(patch(Map.of("birthday", "1990-05-20")).text("birthday")).isEqualTo("1990-05-20");
        assertThat(patch(Map.of("birthday", "1990-05-20")).status()).as("repeating the same value is fine").isEqualTo(200);

        assertProblem(patch(Map.of("birthday", "1991-01-01", "nickname", "changed")), 409, "BIRTHDAY_ALREADY_SET");
        MallHttp.Response me = me();
        assertThat(me.text("birthday")).isEqualTo("1990-05-20");
        assertThat(me.text("nickname")).as("the rejected PATCH changed nothing").isNotEqualTo("changed");
    }

    @Test
    void badInputIsRejectedAndChangesNothing() {
        MallHttp.Response before = me();
        assertProblem(patch(Map.of("nickname", "   ")), 400, "VALIDATION_FAILED");
        assertProblem(patch(Map.of("nickname", "x".repeat(33))), 400, "VALIDATION_FAILED");
        assertProblem(patch(Map.of("avatarUrl", "javascript:alert(1)")), 400, "VALIDATION_FAILED");
        assertProblem(patch(Map.of("birthday", "2999-01-01")), 400, "VALIDATION_FAILED");
        assertProblem(patch(Map.of("birthday", "1800-01-01")), 400, "BIRTHDAY_INVALID");
        assertProblem(patch(Map.of("birthday", "1990-13-40")), 400, "MALFORMED_REQUEST");
        assertProblem(patch(Map.of("gender", "ROBOT")), 400, "MALFORMED_REQUEST");
        assertProblem(patch("{not json"), 400, "MALFORMED_REQUEST");
        assertThat(me().raw()).isEqualTo(before.raw());
    }

    @Test
    void theProfileNeedsAMemberToken() {
        assertProblem(api.http.patch("/api/v1/members/me", Map.of("nickname", "x"), null), 401, "UNAUTHORIZED");
        assertProblem(api.http.patch("/api/v1/members/me", Map.of("nickname", "x"), api.adminToken()), 403, "FORBIDDEN");
    }

    private MallHttp.Response me() {
        return api.http.get("/api/v1/members/me", member.token());
    }

    private MallHttp.Response patch(Object body) {
        return api.http.patch("/api/v1/members/me", body instanceof Map<?, ?> m ? new HashMap<>(m) : body, member.token());
    }
}
