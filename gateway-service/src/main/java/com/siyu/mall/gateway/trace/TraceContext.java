package com.siyu.mall.gateway.trace;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The W3C trace context of one request. The gateway records no spans of its own, so a valid incoming
 * {@code traceparent} is forwarded as it came; only a missing or malformed one is replaced by a new trace.
 */
record TraceContext(String traceId, String traceparent) {

    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);

    /** Keeps a valid {@code traceparent}; starts a new sampled trace otherwise. */
    static TraceContext from(String traceparent) {
        String traceId = traceIdOf(traceparent);
        return traceId != null ? new TraceContext(traceId, traceparent.trim()) : start();
    }

    static TraceContext start() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
        String parentId = String.format("%016x", random.nextLong() | 1L);
        return new TraceContext(traceId, "00-" + traceId + "-" + parentId + "-01");
    }

    /** Trace id of a well-formed version-00 header ({@code 00-<32 hex>-<16 hex>-<2 hex>}), else null. */
    static String traceIdOf(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split("-", -1);
        if (parts.length != 4 || !parts[0].equals("00")
                || !isLowerHex(parts[1], 32) || !isLowerHex(parts[2], 16) || !isLowerHex(parts[3], 2)
                || parts[1].equals(ZERO_TRACE_ID) || parts[2].equals(ZERO_PARENT_ID)) {
            return null;
        }
        return parts[1];
    }

    private static boolean isLowerHex(String s, int length) {
        return s.length() == length && s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
