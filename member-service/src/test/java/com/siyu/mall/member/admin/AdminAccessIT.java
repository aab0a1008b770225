package com.siyu.mall.member.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.auth.MemberSteps;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Runs under the default (local) profile, so the bootstrap admin is admin / admin123. */
@MallIntegrationTest
class AdminAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MallHttp http;

    @BeforeEach
    void setUp() {
        http = new MallHttp("http://localhost:" + port);
    }

    @Test
    void bootstrapAdminLogsInWithoutATokenAndGetsTheAdminRole() throws Exception {
        MallHttp.Response login = adminLogin("admin", "admin123");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.number("expiresIn")).isEqualTo(900);
        assertThat(login.body().has("refreshToken")).isFalse();

        var claims = SignedJWT.parse(login.text("accessToken")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("admin:admin");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN");
    }

    @Test
    void thePasswordIsStoredAsABcryptHash() {
        String hash = jdbc.queryForObject("SELECT password_hash FROM admin_user WHERE username = 'admin'", String.class);
        assertThat(hash).startsWith("$2").doesNotContain("admin123");
    }

    @Test
    void wrongPasswordOrUnknownUserIsUnauthorized() {
        for (MallHttp.Response response : new MallHttp.Response[] {adminLogin("admin", "wrong"),
                adminLogin("nobody", "admin123"), adminLogin("admin", "x".repeat(100))}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("ADMIN_CREDENTIALS_INVALID");
        }
        assertThat(adminLogin("", "").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void adminSeesAMemberWithTheMaskedPhone() {
        String phone = MemberSteps.newPhone();
        String memberId = new MemberSteps(http, context).loggedIn(phone, null).text("memberId");
        String admin = adminLogin("admin", "admin123").text("accessToken");

        MallHttp.Response member = http.get("/admin/v1/members/" + memberId, admin);
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(member.text("phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

        assertThat(http.get("/admin/v1/members/1", admin).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(http.get("/admin/v1/members/abc", admin).status()).isEqualTo(400);
    }

    @Test
    void aMemberTokenOnAnAdminEndpointIsForbidden() {
        MallHttp.Response member = new MemberSteps(http, context).newMember();
        MallHttp.Response response = http.get("/admin/v1/members/" + member.text("memberId"), member.text("accessToken"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anAdminTokenIsNotAMemberToken() {
        String admin = adminLogin("admin", "admin123").text("accessToken");
        MallHttp.Response me = http.get("/api/v1/members/me", admin);
        assertThat(me.status()).isEqualTo(403);
        assertThat(me.contentType()).startsWith("application/problem+json");
    }

    @Test
    void adminEndpointsNeedAToken() {
        MallHttp.Response response = http.get("/admin/v1/members/1", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    }

    private MallHttp.Response adminLogin(String username, String password) {
        return http.post("/admin/v1/auth/login", Map.of("username", username, "password", password), null);
    }
}
