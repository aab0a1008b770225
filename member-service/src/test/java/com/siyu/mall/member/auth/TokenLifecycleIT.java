package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@MallIntegrationTest
class TokenLifecycleIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    MallHttp http;
    MemberSteps steps;

    @BeforeEach
    void setUp() {
        http = new MallHttp("http://localhost:" + port);
        steps = new MemberSteps(http, context);
    }

    @Test
    void accessTokenVerifiesAgainstTheServedJwks() throws Exception {
        MallHttp.Response login = steps.newMember();

        MallHttp.Response jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(jwks.raw());
        assertThat(keys.getKeys()).hasSize(1);
        assertThat(keys.getKeys().get(0).isPrivate()).as("JWKS must never expose the private key").isFalse();

        SignedJWT jwt = SignedJWT.parse(login.text("accessToken"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        ECKey key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("siyu-mall");
        assertThat(claims.getSubject()).isEqualTo(login.text("memberId"));
        assertThat(claims.getStringListClaim("roles")).containsExactly("MEMBER");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);
    }

    @Test
    void refreshRotatesThePairAndRejectsTheUsedToken() {
        MallHttp.Response login = steps.newMember();
        String first = login.text("refreshToken");

        MallHttp.Response rotated = refresh(first);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.text("refreshToken")).isNotEqualTo(first);
        assertThat(rotated.text("memberId")).isEqualTo(login.text("memberId"));
        assertThat(http.get("/api/v1/members/me", rotated.text("accessToken")).status()).isEqualTo(200);

        MallHttp.Response reused = refresh(first);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.code()).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void reusingAUsedRefreshTokenRevokesItsWholeFamily() {
        String first = steps.newMember().text("refreshToken");
        String second = refresh(first).text("refreshToken");

        assertThat(refresh(first).code()).isEqualTo("REFRESH_TOKEN_INVALID");

        MallHttp.Response afterTheft = refresh(second);
        assertThat(afterTheft.status()).isEqualTo(401);
        assertThat(afterTheft.code()).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void otherLoginsOfTheSameMemberSurviveARevokedFamily() {
        String phone = MemberSteps.newPhone();
        String sessionA = steps.loggedIn(phone, null).text("refreshToken");
        refresh(sessionA);
        refresh(sessionA);
        assertThat(refresh(sessionA).status()).isEqualTo(401);

        // a new login starts a new family
        String sessionB = steps.newMember().text("refreshToken");
        assertThat(refresh(sessionB).status()).isEqualTo(200);
    }

    @Test
    void unknownRefreshTokenIsRejected() {
        MallHttp.Response response = refresh("not-a-token-we-issued");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(http.post("/api/v1/auth/refresh", Map.of(), null).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void logoutRevokesTheRefreshTokenFamily() {
        MallHttp.Response login = steps.newMember();
        MallHttp.Response rotated = refresh(login.text("refreshToken"));

        MallHttp.Response logout = http.post("/api/v1/auth/logout", Map.of("refreshToken", rotated.text("refreshToken")),
                rotated.text("accessToken"));
        assertThat(logout.status()).isEqualTo(204);

        assertThat(refresh(rotated.text("refreshToken")).code()).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void logoutCannotRevokeAnotherMembersSession() {
        MallHttp.Response victim = steps.newMember();
        MallHttp.Response attacker = steps.newMember();

        MallHttp.Response logout = http.post("/api/v1/auth/logout", Map.of("refreshToken", victim.text("refreshToken")),
                attacker.text("accessToken"));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(victim.text("refreshToken")).status()).isEqualTo(200);
    }

    @Test
    void logoutNeedsAMemberToken() {
        MallHttp.Response logout = http.post("/api/v1/auth/logout", Map.of("refreshToken", "x"), null);
        assertThat(logout.status()).isEqualTo(401);
        assertThat(logout.contentType()).startsWith("application/problem+json");
        assertThat(logout.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        MallHttp.Response none = http.get("/api/v1/members/me", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.code()).isEqualTo("UNAUTHORIZED");

        // signed by a key that is not member-service's
        String foreign = TestJwtIssuer.get().token("1", List.of("MEMBER"));
        assertThat(http.get("/api/v1/members/me", foreign).status()).isEqualTo(401);

        String tampered = steps.newMember().text("accessToken");
        tampered = tampered.substring(0, tampered.length() - 4) + (tampered.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(http.get("/api/v1/members/me", tampered).status()).isEqualTo(401);
    }

    private MallHttp.Response refresh(String refreshToken) {
        return http.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), null);
    }
}
