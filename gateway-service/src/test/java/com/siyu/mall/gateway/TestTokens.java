package com.siyu.mall.gateway;

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

/** member-service's side of the bargain: an ES256 key, its public JWKS, and tokens signed with it. */
final class TestTokens {

    static final String ISSUER = "siyu-mall";

    private final ECKey key;

    private TestTokens(ECKey key) {
        this.key = key;
    }

    static TestTokens generate(String keyId) {
        try {
            return new TestTokens(new ECKeyGenerator(Curve.P_256).keyID(keyId).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    String member(String memberId) {
        return token(memberId, List.of("MEMBER"), ISSUER, Instant.now().plusSeconds(600));
    }

    String admin() {
        return token("admin-1", List.of("ADMIN"), ISSUER, Instant.now().plusSeconds(600));
    }

    String ops() {
        return token("ops-1", List.of("OPS"), ISSUER, Instant.now().plusSeconds(600));
    }

    String expired(String memberId) {
        return token(memberId, List.of("MEMBER"), ISSUER, Instant.now().minusSeconds(3600));
    }

    String fromIssuer(String issuer) {
        return token("m-1", List.of("MEMBER"), issuer, Instant.now().plusSeconds(600));
    }

    String token(String subject, List<String> roles, String issuer, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
