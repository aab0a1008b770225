package com.siyu.mall.catalog;

import com.siyu.mall.common.security.MallAuthorizationRules;
import com.siyu.mall.common.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class CatalogSecurity {

    /** Browsing the catalog needs no login (a member token additionally shows members-only products). */
    @Bean
    MallAuthorizationRules catalogPublicReads() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/**",
                "/api/v1/categories").permitAll();
    }

    /** Bulk writes and the index rebuild are for administrators only (not OPS). */
    @Bean
    MallAuthorizationRules catalogAdminOnly() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/admin/v1/products/imports", "/admin/v1/search/rebuild")
                .hasRole(Roles.ADMIN);
    }
}
