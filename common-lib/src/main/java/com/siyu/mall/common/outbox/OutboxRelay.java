package com.siyu.mall.common.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import com.siyu.mall.common.web.TraceIds;
import java.nio.charset.StandardCharsets;

/**
 * Publishes committed outbox rows. Each batch is locked with {@code FOR UPDATE SKIP LOCKED}, so several replicas
 * relay side by side without sending a row twice; a row is marked sent only after Kafka acknowledged it
 * ({@code acks=all}). A crash between the ack and the commit re-sends the batch: consumers are idempotent.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private record Row(long id, String eventId, String topic, String key, String eventType, String envelope, String traceId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties props;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Instant nextCleanup = Instant.now();

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka, OutboxProperties props) {
        this.jdbc = jdbc;
        // READ COMMITTED: the locking read takes record locks only. Under REPEATABLE READ its gap locks collide
        // with the other replica's "mark sent" index updates and deadlock, and a batch rolled back after Kafka
        // acknowledged it is sent twice (OutboxRelayIT caught exactly that).
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.kafka = kafka;
        this.props = props;
    }

    public void wake() {
        wakeups.release();
    }

    /** Publishes one batch; returns how many rows it sent. */
    public int relayOnce() {
        Integer sent = tx.execute(status -> {
            List<Row> rows = jdbc.query("""
                    SELECT id, event_id, topic, msg_key, event_type, envelope, trace_id FROM outbox_event
                    WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)),
                    props.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
                record.headers().add(new RecordHeader("eventType", row.eventType().getBytes(StandardCharsets.UTF_8)));
                if (row.traceId() != null) {
                    record.headers().add(new RecordHeader(TraceIds.TRACEPARENT,
                            TraceIds.traceparent(row.traceId()).getBytes(StandardCharsets.UTF_8)));
                }
                acks.add(kafka.send(record));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
            }
            List<Object> args = new ArrayList<>();
            args.add(Timestamp.from(Instant.now()));
            rows.forEach(r -> args.add(r.id()));
            jdbc.update("UPDATE outbox_event SET sent_at = ? WHERE id IN ("
                    + String.join(",", java.util.Collections.nCopies(rows.size(), "?")) + ")", args.toArray());
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private void loop() {
        long backoffMs = 0;
        while (running) {
            try {
                if (backoffMs > 0) {
                    wakeups.tryAcquire(backoffMs, TimeUnit.MILLISECONDS);
                }
                int sent = relayOnce();
                backoffMs = 0;
                if (sent < props.batchSize()) {
                    wakeups.tryAcquire(props.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
                cleanupIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMs = Math.min(5_000, Math.max(100, backoffMs * 2));
                log.warn("outbox relay failed, retrying in {} ms: {}", backoffMs, e.getMessage());
            }
        }
    }

    private void cleanupIfDue() {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plusSeconds(3600);
        int deleted = jdbc.update("DELETE FROM outbox_event WHERE sent_at < ? LIMIT 10000",
                Timestamp.from(Instant.now().minus(props.retention())));
        if (deleted > 0) {
            log.info("outbox: deleted {} rows sent before the retention window", deleted);
        }
    }

    @Override
    public void start() {
        if (!props.relayEnabled()) {
            log.warn("outbox relay is paused (mall.outbox.relay-enabled=false): events stay in outbox_event");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets the batch in flight finish (so it is marked sent, not re-sent after a restart), then stops. */
    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            wakeups.release();
            try {
                worker.join(15_000);
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
