package com.siyu.mall.common.inbox;

import com.siyu.mall.common.event.EventEnvelope;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent consumption: the event id is recorded in the consumer's own database in the same transaction as
 * its effect. A redelivered event finds its id and changes nothing; two concurrent deliveries serialise on the
 * primary key and the second one skips.
 */
public class Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public Inbox(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Runs {@code effect} once per event id; returns false when the event had been processed before. */
    public boolean once(EventEnvelope event, Runnable effect) {
        Boolean applied = tx.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT IGNORE INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)",
                    event.eventId(), event.eventType(), Timestamp.from(Instant.now()));
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
