package com.siyu.mall.common.outbox;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.web.TraceIds;
import java.sql.Timestamp;
import java.util.List;
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

    /** One event to publish: its aggregate's id (the Kafka key) and the payload record. */
    public record Pending(Object aggregateId, Object payload) {
    }

    public EventEnvelope publish(String topic, String aggregateType, Object aggregateId, Object payload) {
        return publishAll(topic, aggregateType, List.of(new Pending(aggregateId, payload))).get(0);
    }

    /** Many events in one batch statement (a batch consumer emits one per order it decided). */
    public List<EventEnvelope> publishAll(String topic, String aggregateType, List<Pending> pending) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the business transaction");
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        String traceId = TraceIds.current();
        List<EventEnvelope> envelopes = pending.stream()
                .map(p -> events.wrap(aggregateType, p.aggregateId(), p.payload())).toList();
        jdbc.batchUpdate("""
                INSERT INTO outbox_event (event_id, topic, msg_key, event_type, envelope, trace_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                envelopes.stream().map(e -> new Object[] {e.eventId(), topic, e.aggregateId(), e.eventType(),
                        events.write(e), traceId, Timestamp.from(e.occurredAt())}).toList());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
        return envelopes;
    }
}
