package com.siyu.mall.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class GatewayErrorHandlerTest {

    @Test
    void refusedConnectionAnywhereInTheCauseChainIsServiceUnavailable() {
        var ex = new IllegalStateException("jwks", new RuntimeException(new ConnectException("Connection refused")));

        assertThat(GatewayErrorHandler.classify(ex).code()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void responseTimeoutIsUpstreamTimeout() {
        var problem = GatewayErrorHandler.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "took 10s"));

        assertThat(problem.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(problem.code()).isEqualTo("UPSTREAM_TIMEOUT");
    }

    @Test
    void noRouteIsRouteNotFound() {
        assertThat(GatewayErrorHandler.classify(new ResponseStatusException(HttpStatus.NOT_FOUND)).code())
                .isEqualTo("ROUTE_NOT_FOUND");
    }

    @Test
    void otherClientErrorsKeepTheirStatus() {
        var problem = GatewayErrorHandler.classify(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED));

        assertThat(problem.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(problem.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void brokenUpstreamAnswerIsBadGatewayAndOwnBugsAreInternalErrors() {
        assertThat(GatewayErrorHandler.classify(new IOException("Connection prematurely closed")).code()).isEqualTo("BAD_GATEWAY");
        assertThat(GatewayErrorHandler.classify(new NullPointerException()).code()).isEqualTo("INTERNAL_ERROR");
    }
}
