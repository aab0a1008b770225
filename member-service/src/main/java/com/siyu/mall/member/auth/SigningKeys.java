package com.siyu.mall.member.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.siyu.mall.common.pii.PiiCipher;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ES256 key that signs access tokens: MALL_JWT_JWK when set, otherwise generated once and kept (encrypted
 * with the PII key) in signing_key, so restarts and replicas sign with the same key.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String PURPOSE = "access-token";

    private final ECKey key;

    SigningKeys(JwtProperties props, JdbcTemplate jdbc, PiiCipher pii) {
        this.key = props.jwk() != null ? fromConfig(props.jwk()) : fromDatabase(jdbc, pii);
        log.info("JWT signing key kid={} ({})", key.getKeyID(), props.jwk() != null ? "MALL_JWT_JWK" : "signing_key table");
    }

    ECKey privateKey() {
        return key;
    }

    ECKey publicKey() {
        return key.toPublicJWK();
    }

    static ECKey fromConfig(String json) {
        JWK parsed;
        try {
            parsed = JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("MALL_JWT_JWK is not a JWK JSON document: " + e.getMessage());
        }
        if (!(parsed instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
            throw new IllegalStateException("MALL_JWT_JWK must be a private EC P-256 key (kty EC, crv P-256, with d)");
        }
        if (ec.getKeyID() != null) {
            return ec;
        }
        try {
            return new ECKey.Builder(ec).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey fromDatabase(JdbcTemplate jdbc, PiiCipher pii) {
        List<String> stored = read(jdbc);
        if (stored.isEmpty()) {
            ECKey generated = generate();
            // INSERT IGNORE on the purpose's unique key: when replicas start together, the first insert wins and
            // everyone (the winner included) reads back the stored key.
            jdbc.update("INSERT IGNORE INTO signing_key (purpose, kid, jwk_cipher, created_at) VALUES (?, ?, ?, ?)",
                    PURPOSE, generated.getKeyID(), pii.encrypt(generated.toJSONString()), Timestamp.from(Instant.now()));
            stored = read(jdbc);
        }
        String json;
        try {
            json = pii.decrypt(stored.get(0));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the JWT signing key in signing_key cannot be decrypted with the current "
                    + "MALL_PII_KEY: start with the key it was stored under, or set MALL_JWT_JWK", e);
        }
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("signing_key holds an unreadable key", e);
        }
    }

    private static List<String> read(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT jwk_cipher FROM signing_key WHERE purpose = ?", String.class, PURPOSE);
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the JWT signing key", e);
        }
    }
}
