package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    @Test
    void acceptsAPrivateP256KeyAndDerivesAKeyIdWhenMissing() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        ECKey loaded = SigningKeys.fromConfig(key.toJSONString());
        assertThat(loaded.isPrivate()).isTrue();
        assertThat(loaded.getKeyID()).isEqualTo(key.computeThumbprint().toString());
    }

    @Test
    void keepsTheConfiguredKeyId() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("prod-2026").generate();
        assertThat(SigningKeys.fromConfig(key.toJSONString()).getKeyID()).isEqualTo("prod-2026");
    }

    @Test
    void refusesPublicOtherCurveAndNonEcKeys() throws Exception {
        String publicOnly = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString();
        String p384 = new ECKeyGenerator(Curve.P_384).generate().toJSONString();
        String rsa = new RSAKeyGenerator(2048).generate().toJSONString();
        for (String json : new String[] {publicOnly, p384, rsa}) {
            assertThatThrownBy(() -> SigningKeys.fromConfig(json)).hasMessageContaining("private EC P-256");
        }
        assertThatThrownBy(() -> SigningKeys.fromConfig("{nope")).hasMessageContaining("not a JWK");
    }
}
