package com.siyu.mall.member.config;

import com.siyu.mall.common.security.MallAuthorizationRules;
import com.siyu.mall.common.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The endpoints that work without a token (logging in, the public key, payment callbacks) and role rules. */
@Configuration(proxyBeanMethods = false)
class SecurityRulesConfig {

    @Bean
    MallAuthorizationRules memberServiceRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/sms-codes", "/api/v1/auth/login", "/api/v1/auth/refresh",
                        "/api/v1/auth/wechat-mini", "/api/v1/auth/wechat-mini/bind-phone", "/admin/v1/auth/login").permitAll()
                // freezing is for administrators only, not OPS
                .requestMatchers(HttpMethod.POST, "/admin/v1/members/*/freeze", "/admin/v1/members/*/unfreeze")
                .hasRole(Roles.ADMIN)
                // payment providers call back without a token; the notification's signature is what is checked
                .requestMatchers(HttpMethod.POST, "/api/v1/wallet/payments/notify/**").permitAll()
                .requestMatchers("/api/v1/wallet/**", "/api/v1/member-cards/**").hasRole(Roles.MEMBER)
                // a member must not refund itself: operator (later: service) tokens only
                .requestMatchers("/internal/wallet/refunds").hasAnyRole(Roles.ADMIN, Roles.OPS)
                // order-service forwards the paying member's token; an operator token must not move anyone's money
                .requestMatchers("/internal/wallet/debits").hasRole(Roles.MEMBER)
                .requestMatchers("/api/v1/members/**", "/api/v1/auth/logout").hasRole(Roles.MEMBER)
                // campaign senders act for no member: operator (later: service) tokens only
                .requestMatchers("/internal/reach/**").hasAnyRole(Roles.ADMIN, Roles.OPS);
    }
}
