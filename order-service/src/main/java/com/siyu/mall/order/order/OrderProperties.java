package com.siyu.mall.order.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paymentTimeout}: unpaid orders are cancelled after it (MALL_ORDER_PAYMENT_TIMEOUT, default PT30M);
 * {@code autoConfirmAfter}: shipped orders complete by themselves after it (MALL_ORDER_AUTO_CONFIRM_AFTER, P14D).
 */
@ConfigurationProperties("mall.order")
record OrderProperties(Duration paymentTimeout, Duration timeoutSweepInterval, Duration autoConfirmAfter) {

    OrderProperties {
        autoConfirmAfter = autoConfirmAfter == null ? Duration.ofDays(14) : autoConfirmAfter;
        paymentTimeout = paymentTimeout == null ? Duration.ofMinutes(30) : paymentTimeout;
        timeoutSweepInterval = timeoutSweepInterval == null ? Duration.ofSeconds(5) : timeoutSweepInterval;
    }
}
