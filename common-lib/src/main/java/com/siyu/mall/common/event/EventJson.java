package com.siyu.mall.common.event;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads envelopes; payloads become the contract records of common-lib. */
public class EventJson {

    private final JsonMapper json;

    public EventJson(JsonMapper json) {
        this.json = json;
    }

    public EventEnvelope wrap(String aggregateType, Object aggregateId, Object payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), payload.getClass().getSimpleName(), aggregateType,
                String.valueOf(aggregateId), Instant.now(), 1, json.valueToTree(payload));
    }

    public String write(EventEnvelope envelope) {
        return json.writeValueAsString(envelope);
    }

    public EventEnvelope read(String value) {
        return json.readValue(value, EventEnvelope.class);
    }

    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        return json.treeToValue(envelope.payload(), type);
    }
}
