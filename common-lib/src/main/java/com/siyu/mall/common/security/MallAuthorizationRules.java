package com.siyu.mall.common.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules (its public endpoints, mostly). They are applied after the shared ones
 * (actuator, API docs) and before the defaults: {@code /admin/**} needs ADMIN or OPS, everything else a token.
 */
@FunctionalInterface
public interface MallAuthorizationRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
