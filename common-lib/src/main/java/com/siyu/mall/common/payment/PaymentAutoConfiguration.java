package com.siyu.mall.common.payment;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The MOCK payment channel, for the services that take payments: a service says where it receives notifications
 * ({@code mall.payment.mock.notify-path}); services that set no notify path get no channel (and need no secret).
 * {@code mall.payment.mock.enabled=false} removes it.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "mall.payment.mock.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(name = "mall.payment.mock.notify-path")
@EnableConfigurationProperties(MockPaymentProperties.class)
public class PaymentAutoConfiguration {

    @Bean
    MockPaymentChannel mockPaymentChannel(MockPaymentProperties props, Environment env) {
        return new MockPaymentChannel(props, env);
    }
}
