package com.siyu.mall.common.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs ES256 tokens like member-service does, for tests of services that only verify them. */
public final class TestJwtIssuer {

    private static final TestJwtIssuer INSTANCE = new TestJwtIssuer();
    private final ECKey key;

    private TestJwtIssuer() {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestJwtIssuer get() {
        return INSTANCE;
    }

    public String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String memberToken(long memberId) {
        return token(String.valueOf(memberId), List.of("MEMBER"));
    }

    public String adminToken() {
        return token("admin", List.of("ADMIN"));
    }

    public String token(String subject, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("siyu-mall").subject(subject).claim("roles", roles)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
