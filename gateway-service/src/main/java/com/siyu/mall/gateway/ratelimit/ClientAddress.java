package com.siyu.mall.gateway.ratelimit;

import java.net.InetSocketAddress;

/** The address a per-IP limit is keyed by. */
final class ClientAddress {

    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    /**
     * The first {@code X-Forwarded-For} hop when the proxy in front is trusted to overwrite that header
     * (otherwise any client could pick a fresh key per request), else the TCP peer.
     */
    static String resolve(String xForwardedFor, InetSocketAddress remote, boolean trustForwarded) {
        if (trustForwarded && xForwardedFor != null) {
            int comma = xForwardedFor.indexOf(',');
            String first = (comma >= 0 ? xForwardedFor.substring(0, comma) : xForwardedFor).trim();
            if (!first.isEmpty()) {
                return first;
            }
        }
        if (remote == null) {
            return UNKNOWN;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
