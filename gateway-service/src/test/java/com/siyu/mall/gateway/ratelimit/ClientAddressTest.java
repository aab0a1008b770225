package com.siyu.mall.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.5", 41000);

    @Test
    void usesTheFirstForwardedHopWhenTheProxyIsTrusted() {
        assertThat(ClientAddress.resolve(" 203.0.113.7 , 10.0.0.9", PROXY, true)).isEqualTo("203.0.113.7");
    }

    @Test
    void ignoresForwardedForUnlessTrusted() {
        assertThat(ClientAddress.resolve("203.0.113.7", PROXY, false)).isEqualTo("10.0.0.5");
    }

    @Test
    void fallsBackToThePeerWhenTheHeaderIsMissingOrBlank() {
        assertThat(ClientAddress.resolve(null, PROXY, true)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.resolve(" ,10.0.0.9", PROXY, true)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.resolve(null, null, false)).isEqualTo(ClientAddress.UNKNOWN);
    }
}
