package com.siyu.mall.gateway.error;

import com.siyu.mall.gateway.trace.TraceIdFilter;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every failure the gateway raises itself into a problem document. Runs before Boot's
 * {@code DefaultErrorWebExceptionHandler} (order -1), which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Problem problem = classify(ex);
        if (problem.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("{} {} failed [traceId={}]", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), TraceIdFilter.traceId(exchange), ex);
        } else if (problem.status().is5xxServerError()) {
            log.warn("{} {} -> {} {} [traceId={}]: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), problem.status().value(), problem.code(),
                    TraceIdFilter.traceId(exchange), ex.toString());
        }
        return Problems.write(exchange, problem.status(), problem.code(), problem.detail());
    }

    static Problem classify(Throwable ex) {
        if (hasCause(ex, ConnectException.class) || hasCause(ex, ConnectTimeoutException.class)
                || hasCause(ex, UnknownHostException.class)) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "the service behind this path cannot be reached");
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatusCode code = rse.getStatusCode();
            if (code.value() == 404) {
                return new Problem(HttpStatus.NOT_FOUND, "ROUTE_NOT_FOUND", "no route for this path");
            }
            if (code.value() == 503) { // the load balancer found no instance
                return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                        "no instance of the service behind this path is available");
            }
            if (code.value() == 504) {
                return new Problem(HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT",
                        "the service behind this path did not answer in time");
            }
            HttpStatus status = HttpStatus.resolve(code.value());
            if (status != null && status.is4xxClientError()) {
                return new Problem(status, status.name(), rse.getReason() != null ? rse.getReason() : status.getReasonPhrase());
            }
        }
        if (hasCause(ex, IOException.class)) { // e.g. the service closed the connection mid-answer
            return new Problem(HttpStatus.BAD_GATEWAY, "BAD_GATEWAY", "the service behind this path failed to answer");
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "the gateway failed to handle the request");
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    record Problem(HttpStatus status, String code, String detail) {
    }
}
