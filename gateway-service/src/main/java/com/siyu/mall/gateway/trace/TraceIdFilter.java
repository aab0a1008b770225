package com.siyu.mall.gateway.trace;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs first: fixes the request's trace context before security or routing can answer, so every response
 * (proxied or produced here) carries {@code X-Trace-Id} and every forwarded request a {@code traceparent}.
 */
@Component
public class TraceIdFilter implements WebFilter, Ordered {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    private static final String ATTRIBUTE = TraceIdFilter.class.getName() + ".traceId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TraceContext trace = TraceContext.from(exchange.getRequest().getHeaders().getFirst(TRACEPARENT));
        exchange.getAttributes().put(ATTRIBUTE, trace.traceId());
        exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, trace.traceId());
        // a proxied response copies the downstream headers over ours; put the id back just before commit
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, trace.traceId());
            return Mono.empty();
        });
        ServerWebExchange traced = exchange.mutate()
                .request(r -> r.headers(h -> h.set(TRACEPARENT, trace.traceparent())))
                .build();
        return chain.filter(traced);
    }

    /** The trace id fixed for this exchange ("-" if the filter has not run, which only happens in odd error paths). */
    public static String traceId(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : "-";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
