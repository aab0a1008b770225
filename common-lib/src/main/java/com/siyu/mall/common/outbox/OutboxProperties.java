package com.siyu.mall.common.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param relayEnabled  false pauses publishing (the backlog stays in the table; used by fault drills)
 * @param pollInterval  how often the relay looks for rows nobody woke it for (other replicas' commits, retries)
 * @param batchSize     rows locked and sent per transaction
 * @param retention     how long sent rows are kept for audit before they are deleted
 */
@ConfigurationProperties("mall.outbox")
public record OutboxProperties(Boolean relayEnabled, Duration pollInterval, Integer batchSize, Duration retention) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }
}
