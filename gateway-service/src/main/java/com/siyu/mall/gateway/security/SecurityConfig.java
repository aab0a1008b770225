package com.siyu.mall.gateway.security;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import com.siyu.mall.gateway.error.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Token check at the edge. The services verify the same token again; the gateway's job is to turn away
 * the obviously unauthorised early and to know who is calling (for per-member rate limits).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * Paths anyone may call. On these the gateway does not even read the Authorization header, so a stale
     * token on, say, a refresh call is not turned away here; it is still forwarded and the service decides.
     */
    static final ServerWebExchangeMatcher PUBLIC = new OrServerWebExchangeMatcher(
            pathMatchers(HttpMethod.POST, "/api/v1/auth/**", "/api/v1/payments/notify/**",
                    "/api/v1/wallet/payments/notify/**", "/admin/v1/auth/login"),
            pathMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/api/v1/products/**", "/api/v1/categories/**"),
            // partner calls are HMAC-signed and verified by order-service
            pathMatchers("/partner/v1/**"),
            pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"));

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", unauthorizedDetail(e));
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) ->
                Problems.write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "your role may not call this path");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(c -> { })
                .authorizeExchange(rules -> rules
                        .matchers(PUBLIC).permitAll()
                        .pathMatchers("/admin/**").hasAnyRole("ADMIN", "OPS")
                        .pathMatchers("/api/v1/**").authenticated()
                        // nothing else is routed; fail closed should a route be added without a rule here
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenConverter(bearerTokenOutsidePublicPaths())
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    private static String unauthorizedDetail(AuthenticationException e) {
        return e instanceof InvalidBearerTokenException
                ? "the bearer token is invalid or expired"
                : "a valid bearer token is required";
    }

    private static ServerAuthenticationConverter bearerTokenOutsidePublicPaths() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return exchange -> PUBLIC.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }

    /**
     * JWKS is fetched on first use and cached by Nimbus, so the gateway starts while member-service is down;
     * verified tokens are remembered until they expire.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties props) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(props.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(props.issuer())));
        return new CachingReactiveJwtDecoder(decoder, 50_000, Duration.ofMinutes(10), Clock.systemUTC());
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** Requests Spring Security's firewall refuses (encoded slashes, "..", ";" and the like). */
    @Bean
    ServerExchangeRejectedHandler rejectedExchangeHandler() {
        return (exchange, e) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "REQUEST_REJECTED",
                "the request path or headers are not acceptable");
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties props) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (props.allowedOrigins().isEmpty()) {
            return source; // no configuration: cross-origin requests get no CORS headers
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(props.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "traceparent"));
        cors.setExposedHeaders(List.of("X-Trace-Id", "Retry-After", "Location"));
        cors.setAllowCredentials(false); // bearer tokens, no cookies
        cors.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
