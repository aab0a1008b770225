package com.siyu.mall.order.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local provider: signs its callbacks with {@code secret} (HMAC-SHA256), calls {@code notifyUrl} after
 * {@code delay}, retries failed deliveries like real providers do, and only accepts notifications younger than
 * {@code notifyWindow}.
 */
@ConfigurationProperties("mall.payment.mock")
record MockPaymentProperties(String secret, String notifyUrl, Duration delay, Duration notifyWindow, Integer maxAttempts) {

    MockPaymentProperties {
        delay = delay == null ? Duration.ofMillis(300) : delay;
        notifyWindow = notifyWindow == null ? Duration.ofMinutes(5) : notifyWindow;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
    }
}
