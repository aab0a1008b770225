package com.siyu.mall.member.auth;

import com.siyu.mall.common.security.MallSecurityProperties;
import com.siyu.mall.common.security.Roles;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs ES256 access tokens: iss, sub, roles, iat, exp, jti. */
@Component
public class TokenIssuer {

    public record AccessToken(String value, long expiresIn) {
    }

    private final JwtEncoder encoder;
    private final String keyId;
    private final String issuer;
    private final JwtProperties props;

    TokenIssuer(JwtEncoder encoder, SigningKeys keys, MallSecurityProperties security, JwtProperties props) {
        this.encoder = encoder;
        this.keyId = keys.privateKey().getKeyID();
        this.issuer = security.issuer();
        this.props = props;
    }

    public AccessToken forMember(long memberId) {
        return issue(String.valueOf(memberId), Roles.MEMBER);
    }

    public AccessToken forAdmin(String username) {
        return issue("admin:" + username, Roles.ADMIN);
    }

    private AccessToken issue(String subject, String role) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(subject).claim(Roles.CLAIM, List.of(role))
                .issuedAt(now).expiresAt(now.plus(props.accessTtl())).id(UUID.randomUUID().toString()).build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(keyId).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, props.accessTtl().toSeconds());
    }
}
