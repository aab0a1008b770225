package com.siyu.mall.common.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local provider: signs its callbacks with {@code secret} (HMAC-SHA256), calls {@code notifyUrl} (default
 * {@code http://127.0.0.1:<local port><notifyPath>}) after {@code delay}, retries failed deliveries like real providers
 * do, and only accepts notifications younger than {@code notifyWindow}.
 */
@ConfigurationProperties("mall.payment.mock")
public record MockPaymentProperties(String secret, String notifyUrl, String notifyPath, Duration delay,
        Duration notifyWindow, Integer maxAttempts) {

    public MockPaymentProperties {
        delay = delay == null ? Duration.ofMillis(300) : delay;
        notifyWindow = notifyWindow == null ? Duration.ofMinutes(5) : notifyWindow;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
    }
}
