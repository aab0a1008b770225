package com.siyu.mall.member.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address that per-IP limits count. The gateway (Spring Cloud Gateway's forwarded-headers filter) appends
 * the TCP peer it saw to {@code X-Forwarded-For}, so behind it the last hop is the gateway's view of the client and
 * cannot be forged; the first hop is what the client (or a proxy in front of the gateway) claimed, and is only used
 * when that proxy is trusted to overwrite the header. Without the header (a direct call) it is the TCP peer.
 * Trust assumption: member-service is reachable only through the gateway (ARCHITECTURE §6).
 */
final class ClientIp {

    private ClientIp() {
    }

    static String of(HttpServletRequest request, boolean trustForwarded) {
        return resolve(request.getHeader("X-Forwarded-For"), request.getRemoteAddr(), trustForwarded);
    }

    static String resolve(String forwardedFor, String remoteAddr, boolean trustForwarded) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            String hop = (trustForwarded ? hops[0] : hops[hops.length - 1]).trim();
            if (!hop.isEmpty()) {
                return hop;
            }
        }
        return remoteAddr == null || remoteAddr.isBlank() ? "unknown" : remoteAddr;
    }
}
