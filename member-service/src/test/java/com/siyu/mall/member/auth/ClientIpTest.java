package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientIpTest {

    @Test
    void behindAnUntrustedFrontTheGatewaysOwnHopCounts() {
        assertThat(ClientIp.resolve("6.6.6.6, 203.0.113.9", "10.0.0.2", false)).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedFrontTheFirstHopCounts() {
        assertThat(ClientIp.resolve("198.51.100.7, 10.0.0.5", "10.0.0.2", true)).isEqualTo("198.51.100.7");
    }

    @Test
    void withoutTheHeaderTheTcpPeerCounts() {
        assertThat(ClientIp.resolve(null, "10.0.0.2", true)).isEqualTo("10.0.0.2");
        assertThat(ClientIp.resolve(" ", "10.0.0.2", false)).isEqualTo("10.0.0.2");
    }
}
