package com.siyu.mall.member.config;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The default profile is the local stack (ARCHITECTURE §8). Only there may the service fall back to dev secrets;
 * under any other active profile (nacos, k8s, ...) a missing secret refuses startup. Same rule as common-lib's
 * PII keys.
 */
public final class LocalProfile {

    private LocalProfile() {
    }

    public static boolean isActive(Environment env) {
        return env.getActiveProfiles().length == 0 || env.acceptsProfiles(Profiles.of("local"));
    }
}
