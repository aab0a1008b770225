package com.siyu.mall.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How services verify member-service's tokens: a JWKS URL (production, fetched lazily and cached) or a
 * literal JWK set (tests, and member-service itself).
 */
@ConfigurationProperties("mall.security")
public record MallSecurityProperties(String jwksUri, String jwksJson, String issuer) {

    public MallSecurityProperties {
        if (jwksUri == null || jwksUri.isBlank()) {
            jwksUri = "http://127.0.0.1:8081/.well-known/jwks.json";
        }
        if (issuer == null || issuer.isBlank()) {
            issuer = "siyu-mall";
        }
    }
}
