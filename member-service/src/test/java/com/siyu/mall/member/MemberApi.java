package com.siyu.mall.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.member.auth.MemberSteps;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test steps over HTTP: real members (SMS login), the bootstrap admin, and PUT/DELETE that MallHttp lacks. */
public final class MemberApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final MallHttp http;
    private final String baseUrl;
    private final MemberSteps steps;
    private final HttpClient client = HttpClient.newHttpClient();

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
        return send("PUT", path, body, token);
    }

    public MallHttp.Response delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    private MallHttp.Response send(String method, String path, Object body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : MallHttp.json(body)));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json;
            try {
                json = raw == null || raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
            } catch (RuntimeException notJson) {
                json = JSON.createObjectNode();
            }
            return new MallHttp.Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), raw, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts a problem+json answer with this status and code. */
    public static void assertProblem(MallHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }
}
