package com.siyu.mall.gateway.security;

import com.siyu.mall.gateway.error.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code /internal/**} is service-to-service only. No route matches it today; this filter keeps it that way
 * even if someone adds a broad route later, and answers before the token is even looked at.
 */
@Component
class InternalPathFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/internal") || path.startsWith("/internal/")) {
            return Problems.write(exchange, HttpStatus.NOT_FOUND, "ROUTE_NOT_FOUND", "no route for this path");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after the trace id, before Spring Security (-100)
    }
}
