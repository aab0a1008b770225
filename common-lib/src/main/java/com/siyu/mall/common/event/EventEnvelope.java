package com.siyu.mall.common.event;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** What travels on every topic (ARCHITECTURE §4). {@code eventType} is the payload record's simple name. */
public record EventEnvelope(
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        Instant occurredAt,
        int schemaVersion,
        JsonNode payload) {
}
