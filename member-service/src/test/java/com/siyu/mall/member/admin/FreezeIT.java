package com.siyu.mall.member.admin;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.auth.MemberSteps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class FreezeIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MallHttp http;
    MemberSteps steps;
    String admin;

    @BeforeEach
    void setUp() {
        http = new MallHttp("http://localhost:" + port);
        steps = new MemberSteps(http, context);
        admin = new com.siyu.mall.member.MemberApi(port, context).adminToken();
    }

    @Test
    void aFrozenMemberCannotLogInOrRefreshAndIsAuditedUntilUnfrozen() {
        String phone = MemberSteps.newPhone();
        MallHttp.Response login = steps.loggedIn(phone, null);
        long memberId = Long.parseLong(login.text("memberId"));

        MallHttp.Response frozen = http.post(path(memberId, "freeze"), Map.of("reason", "薅羊毛 abuse"), admin);
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
        assertThat(frozen.text("status")).isEqualTo("FROZEN");
        assertThat(frozen.text("frozenBy")).isEqualTo("admin:admin");
        assertThat(http.get("/admin/v1/members/" + memberId, admin).text("status")).isEqualTo("FROZEN");

        assertProblem(http.post("/api/v1/auth/refresh", Map.of("refreshToken", login.text("refreshToken")), null),
                401, "REFRESH_TOKEN_INVALID");
        assertProblem(steps.login(phone, waitAndRequestCode(phone), null), 403, "MEMBER_FROZEN");

        // freezing again changes nothing; unfreezing lets the member log in again
        assertThat(http.post(path(memberId, "freeze"), Map.of("reason", "again"), admin).text("frozenReason"))
                .isEqualTo("薅羊毛 abuse");
        MallHttp.Response unfrozen = http.post(path(memberId, "unfreeze"), Map.of("reason", "appeal accepted"), admin);
        assertThat(unfrozen.text("status")).isEqualTo("ACTIVE");
        assertThat(steps.login(phone, waitAndRequestCode(phone), null).status()).isEqualTo(200);

        List<Map<String, Object>> audit = jdbc.queryForList("SELECT action, reason, actor FROM member_freeze_record "
                + "WHERE member_id = ? ORDER BY id", memberId);
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("FREEZE", "UNFREEZE");
        assertThat(audit).extracting(r -> r.get("actor")).containsOnly("admin:admin");
        assertThat(audit.get(1).get("reason")).isEqualTo("appeal accepted");
        MallHttp.Response records = http.get("/admin/v1/members/" + memberId + "/freeze-records", admin);
        assertThat(records.status()).as(records.toString()).isEqualTo(200);
        assertThat(records.body().get(0).path("action").asString()).isEqualTo("UNFREEZE");
        assertThat(records.body().get(1).path("reason").asString()).isEqualTo("薅羊毛 abuse");
        assertThat(records.body().get(1).path("actor").asString()).isEqualTo("admin:admin");
        assertThat(records.body().get(1).path("at").asString()).isNotBlank();
    }

    @Test
    void logoutRevokesTheRefreshTokenFamily() {
        MallHttp.Response login = steps.newMember();
        MallHttp.Response rotated = http.post("/api/v1/auth/refresh", Map.of("refreshToken", login.text("refreshToken")),
                null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/logout", Map.of("refreshToken", login.text("refreshToken")),
                rotated.text("accessToken")).status()).isEqualTo(204);
        // logging out with an old token of the family revokes the newest one too
        assertProblem(http.post("/api/v1/auth/refresh", Map.of("refreshToken", rotated.text("refreshToken")), null),
                401, "REFRESH_TOKEN_INVALID");
    }

    @Test
    void onlyAdminsFreezeAndBadInputChangesNothing() {
        MallHttp.Response login = steps.newMember();
        long memberId = Long.parseLong(login.text("memberId"));
        assertProblem(http.post(path(memberId, "freeze"), Map.of("reason", "x"), login.text("accessToken")), 403,
                "FORBIDDEN");
        assertProblem(http.post(path(memberId, "freeze"), Map.of("reason", "x"), null), 401, "UNAUTHORIZED");
        assertProblem(http.post(path(memberId, "freeze"), Map.of("reason", " "), admin), 400, "VALIDATION_FAILED");
        assertProblem(http.post(path(memberId, "freeze"), Map.of("reason", "x".repeat(201)), admin), 400,
                "VALIDATION_FAILED");
        assertProblem(http.post(path(memberId, "freeze"), "{", admin), 400, "MALFORMED_REQUEST");
        assertProblem(http.post("/admin/v1/members/abc/freeze", Map.of("reason", "x"), admin), 400, "PARAMETER_INVALID");
        assertProblem(http.post(path(1L, "freeze"), Map.of("reason", "x"), admin), 404, "MEMBER_NOT_FOUND");
        assertThat(http.get("/admin/v1/members/" + memberId, admin).text("status")).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_freeze_record WHERE member_id = ?", Integer.class,
                memberId)).isZero();
    }

    private String waitAndRequestCode(String phone) {
        jdbc.update("UPDATE sms_code SET sent_at = sent_at - INTERVAL 2 MINUTE WHERE phone_hash = ?",
                context.getBean(com.siyu.mall.common.pii.PiiCipher.class).hash(phone));
        return steps.requestCode(phone);
    }

    private static String path(long memberId, String action) {
        return "/admin/v1/members/" + memberId + "/" + action;
    }
}
