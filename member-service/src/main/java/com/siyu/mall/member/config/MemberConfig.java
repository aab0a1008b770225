package com.siyu.mall.member.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MemberProperties.class)
class MemberConfig {

    /** The one source of "now" for member rules, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
