package com.siyu.mall.common.pii;

import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Keys from {@code MALL_PII_KEY} / {@code MALL_PII_HASH_KEY} (base64 of 32 bytes). The local profile falls back to
 * a published development key with a warning; any other active profile refuses to start without real keys.
 */
@AutoConfiguration
public class PiiAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PiiAutoConfiguration.class);
    static final String DEV_KEY = "c2l5dS1tYWxsLWxvY2FsLWRldi1rZXktMzItYnl0ZXM=";
    static final String DEV_HASH_KEY = "c2l5dS1tYWxsLWxvY2FsLWRldi1oYXNoLWtleS0zMmI=";

    @Bean
    @ConditionalOnMissingBean
    PiiCipher piiCipher(@Value("${MALL_PII_KEY:}") String key, @Value("${MALL_PII_HASH_KEY:}") String hashKey,
            Environment env) {
        if (key.isBlank() || hashKey.isBlank()) {
            if (env.getActiveProfiles().length > 0 && !env.acceptsProfiles(org.springframework.core.env.Profiles.of("local"))) {
                throw new IllegalStateException("MALL_PII_KEY and MALL_PII_HASH_KEY are required under profiles "
                        + String.join(",", env.getActiveProfiles()));
            }
            log.warn("PII is encrypted with the published development key: set MALL_PII_KEY and MALL_PII_HASH_KEY");
            key = key.isBlank() ? DEV_KEY : key;
            hashKey = hashKey.isBlank() ? DEV_HASH_KEY : hashKey;
        }
        return new PiiCipher(Base64.getDecoder().decode(key), Base64.getDecoder().decode(hashKey));
    }
}
