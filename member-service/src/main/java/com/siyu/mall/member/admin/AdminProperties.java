package com.siyu.mall.member.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bootstrap operator, created at startup when missing.
 *
 * @param username MALL_ADMIN_USERNAME (default admin)
 * @param password MALL_ADMIN_PASSWORD; required outside the local profile
 */
@ConfigurationProperties("mall.admin")
record AdminProperties(String username, String password) {

    AdminProperties {
        username = username == null || username.isBlank() ? "admin" : username.trim();
        password = password == null || password.isEmpty() ? null : password;
    }
}
