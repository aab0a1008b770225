package com.siyu.mall.member;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in integration tests: the real time unless a test pins it ({@link #set}), and back to the real
 * time after {@link #reset}. A plain {@code @Configuration} on the test classpath, so component scanning puts it into
 * the one application context every {@code *IT} shares (an {@code @Import} per test would start a second context with
 * a second Kafka consumer in the same group).
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public void set(Instant now) {
        pinned.set(now);
    }

    public void reset() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant now = pinned.get();
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("member rules use UTC instants and mall.member.zone");
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
