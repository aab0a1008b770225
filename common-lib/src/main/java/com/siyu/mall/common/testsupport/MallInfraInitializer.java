package com.siyu.mall.common.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a service under test at the shared test infrastructure and at {@link TestJwtIssuer}'s key. */
public class MallInfraInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MallInfrastructure infra = MallInfrastructure.get();
        Map<String, Object> props = new HashMap<>();
        props.put("mall.mysql.url", infra.mysqlUrl());
        props.put("mall.mysql.username", infra.mysqlUser());
        props.put("mall.mysql.password", infra.mysqlPassword());
        props.put("mall.db.suffix", infra.databaseSuffix());
        props.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrap());
        if (!context.getEnvironment().containsProperty("mall.security.jwks-json")) {
            props.put("mall.security.jwks-json", TestJwtIssuer.get().jwksJson());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mall-test-infrastructure", props));
    }
}
