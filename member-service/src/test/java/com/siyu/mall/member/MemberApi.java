package com.siyu.mall.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.member.auth.MemberSteps;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/** Test steps over HTTP: real members (SMS login), the bootstrap admin, and PUT/DELETE that MallHttp lacks. */
public final class MemberApi {

    public final MallHttp http;
    private final String baseUrl;
    private final MemberSteps steps;

    /** A logged-in member: id and access token. */
    public record LoggedIn(long id, String token) {
    }

    public MemberApi(int port, ApplicationContext context) {
        this.baseUrl = "http://localhost:" + port;
        this.http = new MallHttp(baseUrl);
        this.steps = new MemberSteps(http, context);
    }

    public LoggedIn newMember() {
        MallHttp.Response login = steps.newMember();
        return new LoggedIn(Long.parseLong(login.text("memberId")), login.text("accessToken"));
    }

    public String adminToken() {
        MallHttp.Response login = http.post("/admin/v1/auth/login", Map.of("username", "admin", "password", "admin123"),
                null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.text("accessToken");
    }

    public MallHttp.Response put(String path, Object body, String token) {
        return http.put(path, body, token);
    }

    public MallHttp.Response delete(String path, String token) {
        return http.delete(path, token);
    }

}
