package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.pii.PiiCipher;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class SigningKeyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PiiCipher pii;

    private final JwtProperties generated = new JwtProperties(Duration.ofMinutes(15), Duration.ofDays(30), null);

    @Test
    void aRestartOrAnotherReplicaSignsWithTheStoredKey() throws Exception {
        ECKey served = JWKSet.parse(new MallHttp("http://localhost:" + port).get("/.well-known/jwks.json", null).raw())
                .getKeys().get(0).toECKey();

        ECKey replica = new SigningKeys(generated, jdbc, pii).privateKey();

        assertThat(replica.getKeyID()).isEqualTo(served.getKeyID());
        assertThat(replica.toPublicJWK()).isEqualTo(served);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signing_key", Integer.class)).isEqualTo(1);
    }

    @Test
    void theStoredPrivateKeyIsEncrypted() {
        String stored = jdbc.queryForObject("SELECT jwk_cipher FROM signing_key", String.class);
        assertThat(stored).doesNotContain("\"d\"").doesNotContain("P-256");
    }

    @Test
    void aConfiguredJwkWinsOverTheStoredKey() throws Exception {
        ECKey configured = new ECKeyGenerator(Curve.P_256).keyID("from-env").generate();
        JwtProperties props = new JwtProperties(Duration.ofMinutes(15), Duration.ofDays(30), configured.toJSONString());

        assertThat(new SigningKeys(props, jdbc, pii).privateKey()).isEqualTo(configured);
    }
}
