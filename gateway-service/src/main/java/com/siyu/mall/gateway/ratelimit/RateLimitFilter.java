package com.siyu.mall.gateway.ratelimit;

import com.siyu.mall.gateway.error.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies {@link RateLimits} to every routed call. Runs after Spring Security, so the member is known;
 * calls refused for a missing or bad token never reach here (they cost no downstream work either).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimits limits;
    private final RateLimitProperties props;
    private final MeterRegistry meters;

    RateLimitFilter(RateLimitProperties props, MeterRegistry meters) {
        this.limits = new RateLimits(props);
        this.props = props;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!props.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(Principal::getName)
                .defaultIfEmpty("")
                .flatMap(member -> {
                    ServerHttpRequest request = exchange.getRequest();
                    String ip = ClientAddress.resolve(request.getHeaders().getFirst("X-Forwarded-For"),
                            request.getRemoteAddress(), props.trustForwarded());
                    RateLimits.Decision decision = limits.tryAcquire(request.getMethod(), request.getPath().value(),
                            ip, member.isEmpty() ? null : member);
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    meters.counter("mall.gateway.rate.limited", "limit", decision.limit()).increment();
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                            Long.toString(decision.retryAfterSeconds()));
                    return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                            "too many requests; retry after " + decision.retryAfterSeconds() + "s");
                });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
