package com.siyu.mall.common.outbox;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.web.TraceIds;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the same local transaction as the business change that caused it; {@link OutboxRelay}
 * publishes it after commit. Nothing is sent to Kafka from inside a business transaction.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventJson events;
    private final OutboxRelay relay;

    public Outbox(JdbcTemplate jdbc, EventJson events, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.events = events;
        this.relay = relay;
    }

    public EventEnvelope publish(String topic, String aggregateType, Object aggregateId, Object payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the business transaction");
        }
        EventEnvelope envelope = events.wrap(aggregateType, aggregateId, payload);
        jdbc.update("""
                INSERT INTO outbox_event (event_id, topic, msg_key, event_type, envelope, trace_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), topic, envelope.aggregateId(), envelope.eventType(), events.write(envelope),
                TraceIds.current(), Timestamp.from(envelope.occurredAt()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
        return envelope;
    }
}
