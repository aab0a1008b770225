package com.siyu.mall.common.web;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/** The W3C trace id of the work in progress, kept in the logging MDC so every log line carries it. */
public final class TraceIds {

    public static final String MDC_KEY = "traceId";
    public static final String TRACEPARENT = "traceparent";

    private TraceIds() {
    }

    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : newTraceId();
    }

    public static String newTraceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    /** Trace id from a {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2 hex>}), or null if absent or malformed. */
    public static String fromTraceparent(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split("-");
        if (parts.length == 4 && parts[1].length() == 32 && parts[1].chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return parts[1].toLowerCase();
        }
        return null;
    }

    public static String traceparent(String traceId) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "00-" + traceId + "-" + String.format("%016x", r.nextLong()) + "-01";
    }
}
