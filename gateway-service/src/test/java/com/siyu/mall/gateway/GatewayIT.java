package com.siyu.mall.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as a client sees it: real downstream HTTP servers on free ports, a real JWKS, real signed tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

    private static final int SMS_CODES_PER_MINUTE = 3;
    private static final String CALLER_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String PRODUCT_NOT_FOUND = """
            {"type":"https://siyu-mall.dev/problems/product-not-found","title":"Not Found","status":404,\
            "detail":"no product 999","code":"PRODUCT_NOT_FOUND","traceId":"abc"}""";

    static final TestTokens TOKENS = TestTokens.generate("test-key");
    static final StubService MEMBER = StubService.start("member");
    static final StubService CATALOG = StubService.start("catalog")
            .answer("/api/v1/products/999", 404, "application/problem+json", PRODUCT_NOT_FOUND)
            .answerSlowly("/api/v1/products/slow", Duration.ofSeconds(3));
    static final StubService ORDER = StubService.start("order");

    static {
        MEMBER.answer("/.well-known/jwks.json", 200, "application/json", TOKENS.publicJwks())
                .answer("/api/v1/auth/sms-codes", 202, "application/json", "{\"sent\":true}");
    }

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("MALL_MEMBER_URL", MEMBER::url);
        registry.add("MALL_CATALOG_URL", CATALOG::url);
        registry.add("MALL_ORDER_URL", ORDER::url);
        registry.add("MALL_PROMOTION_URL", StubService::deadUrl); // promotion-service is down in this test
        registry.add("MALL_DISTRIBUTION_URL", StubService::deadUrl);
        registry.add("MALL_JWKS_URI", () -> MEMBER.url() + "/.well-known/jwks.json");
        registry.add("MALL_GATEWAY_RESPONSE_TIMEOUT", () -> "1500ms");
        registry.add("MALL_CORS_ORIGINS", () -> "https://shop.example, https://admin.example");
        registry.add("mall.gateway.rate-limits.sms-codes.capacity", () -> SMS_CODES_PER_MINUTE);
        registry.add("mall.gateway.rate-limits.sms-codes.refill-tokens", () -> SMS_CODES_PER_MINUTE);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        MEMBER.reset();
        CATALOG.reset();
        ORDER.reset();
    }

    @AfterAll
    static void stopDownstreams() {
        MEMBER.stop();
        CATALOG.stop();
        ORDER.stop();
    }

    @Test
    void routesPublicProductReadsUnchangedAndStartsATrace() {
        var result = client.get().uri("/api/v1/products/42?lang=zh").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();

        assertThat(result.getResponseBody()).contains("\"service\":\"catalog\"");
        StubService.Recorded seen = CATALOG.last();
        assertThat(seen.pathAndQuery()).isEqualTo("/api/v1/products/42?lang=zh");
        String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(seen.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    @Test
    void keepsTheCallersTraceparent() {
        client.get().uri("/api/v1/categories").header("traceparent", CALLER_TRACEPARENT).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Trace-Id", "4bf92f3577b34da6a3ce929d0e0e4736");

        assertThat(CATALOG.last().header("traceparent")).isEqualTo(CALLER_TRACEPARENT);
    }

    @Test
    void refusesOrdersWithoutATokenWithAProblem() {
        var result = client.get().uri("/api/v1/orders").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();

        assertProblem(result, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        assertThat(ORDER.count()).isZero();
    }

    @Test
    void refusesExpiredForgedAndForeignTokens() {
        String forged = TestTokens.generate("test-key").member("m-1"); // same key id, other key
        for (String token : new String[] {TOKENS.expired("m-1"), forged, TOKENS.fromIssuer("someone-else"), "not.a.jwt"}) {
            var result = client.get().uri("/api/v1/orders").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();
            assertThat(result.getResponseBody()).containsEntry("code", "UNAUTHORIZED");
        }
        assertThat(ORDER.count()).isZero();
    }

    @Test
    void routesOrdersForAMemberAndForwardsTheAuthorizationHeader() {
        String token = TOKENS.member("m-1001");

        client.get().uri("/api/v1/orders/77").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("order");

        assertThat(ORDER.last().pathAndQuery()).isEqualTo("/api/v1/orders/77");
        assertThat(ORDER.last().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void forbidsAdminPathsToMembers() {
        var result = client.get().uri("/admin/v1/products").headers(h -> h.setBearerAuth(TOKENS.member("m-1"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();

        assertProblem(result, HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertThat(CATALOG.count()).isZero();
    }

    @Test
    void routesAdminPathsForAdminAndOps() {
        client.get().uri("/admin/v1/products").headers(h -> h.setBearerAuth(TOKENS.admin())).exchange()
                .expectStatus().isOk();
        client.post().uri("/admin/v1/orders/5/ship").headers(h -> h.setBearerAuth(TOKENS.ops())).exchange()
                .expectStatus().isOk();

        assertThat(CATALOG.last().pathAndQuery()).isEqualTo("/admin/v1/products");
        assertThat(ORDER.last().method()).isEqualTo("POST");
        assertThat(ORDER.last().pathAndQuery()).isEqualTo("/admin/v1/orders/5/ship");
    }

    @Test
    void letsPublicEndpointsThroughWithoutAToken() {
        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kid").isEqualTo("test-key");
        client.post().uri("/admin/v1/auth/login").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/payments/notify/wechat").exchange().expectStatus().isOk();
        client.put().uri("/partner/v1/orders/P-1").exchange().expectStatus().isOk();

        assertThat(ORDER.last().pathAndQuery()).isEqualTo("/partner/v1/orders/P-1");
    }

    @Test
    void ignoresABadTokenOnPublicPathsAndStillForwardsIt() {
        client.get().uri("/api/v1/products").headers(h -> h.setBearerAuth("stale.token.value")).exchange()
                .expectStatus().isOk();

        assertThat(CATALOG.last().header("Authorization")).isEqualTo("Bearer stale.token.value");
    }

    @Test
    void neverRoutesInternalPaths() {
        var result = client.get().uri("/internal/members/1").headers(h -> h.setBearerAuth(TOKENS.admin())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();

        assertProblem(result, HttpStatus.NOT_FOUND, "ROUTE_NOT_FOUND");
        assertThat(MEMBER.count() + CATALOG.count() + ORDER.count()).isZero();
    }

    @Test
    void refusesDotDotPathsThatWouldReachInternalDownstream() {
        for (String path : new String[] {"/api/v1/products/../../../internal/x", "/api/v1/products/%2e%2e/x"}) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("REQUEST_REJECTED");
        }

        assertThat(CATALOG.count()).isZero();
    }

    @Test
    void answersUnknownPathsWithRouteNotFound() {
        client.get().uri("/api/v2/orders").headers(h -> h.setBearerAuth(TOKENS.member("m-1"))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("ROUTE_NOT_FOUND");
    }

    @Test
    void answersServiceUnavailableWhenTheServiceIsDown() {
        var result = client.get().uri("/api/v1/coupons").headers(h -> h.setBearerAuth(TOKENS.member("m-1"))).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();

        assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE");
    }

    @Test
    void answersUpstreamTimeoutWhenTheServiceIsTooSlow() {
        var result = client.get().uri("/api/v1/products/slow").exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();

        assertProblem(result, HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT");
    }

    @Test
    void passesDownstreamProblemsThroughUnchanged() {
        client.get().uri("/api/v1/products/999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(PRODUCT_NOT_FOUND);
    }

    @Test
    void limitsSmsCodesPerIp() {
        for (int i = 0; i < SMS_CODES_PER_MINUTE; i++) {
            client.post().uri("/api/v1/auth/sms-codes").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"phone\":\"13800000000\"}").exchange()
                    .expectStatus().isAccepted();
        }

        var result = client.post().uri("/api/v1/auth/sms-codes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\":\"13800000000\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult();

        assertProblem(result, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED");
        long retryAfter = Long.parseLong(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(MEMBER.count()).isEqualTo(SMS_CODES_PER_MINUTE);
    }

    @Test
    void answersCorsPreflightOnlyForConfiguredOrigins() {
        client.options().uri("/api/v1/orders")
                .header(HttpHeaders.ORIGIN, "https://shop.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example");

        client.options().uri("/api/v1/orders")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(ORDER.count()).isZero();
    }

    @Test
    void exposesProbesAndMetricsWithoutAToken() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    private static void assertProblem(EntityExchangeResult<Map<String, Object>> result, HttpStatus status, String code) {
        Map<String, Object> problem = result.getResponseBody();
        assertThat(problem).containsEntry("status", status.value())
                .containsEntry("code", code)
                .containsEntry("title", status.getReasonPhrase())
                .containsKeys("type", "detail")
                .containsEntry("traceId", result.getResponseHeaders().getFirst("X-Trace-Id"));
        assertThat((String) problem.get("type")).startsWith("https://siyu-mall.dev/problems/");
    }
}
