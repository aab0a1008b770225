package com.siyu.mall.gateway.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where member-service publishes its signing keys, and the issuer its tokens must carry. */
@ConfigurationProperties("mall.security")
public record SecurityProperties(URI jwksUri, String issuer) {
}
