package com.siyu.mall.order;

import com.siyu.mall.common.security.MallAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class OrderSecurity {

    /** Payment providers call back without a token; the notification's signature is what is checked. */
    @Bean
    MallAuthorizationRules paymentNotifications() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/v1/payments/notify/**").permitAll();
    }
}
