package com.siyu.mall.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.inbox.Inbox;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared kernel against a real database and broker: two relays (two replicas of a service) drain one outbox
 * concurrently and every committed event reaches Kafka exactly once; rolled-back events never leave; the inbox
 * applies an event once however many deliveries race.
 */
class OutboxRelayIT {

    record Pinged(int n) {
    }

    private static final String TOPIC = "mall.outboxtest.events";
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static KafkaTemplate<String, String> kafka;
    private static DefaultKafkaProducerFactory<String, String> producers;
    private static final EventJson EVENTS = new EventJson(JsonMapper.builder().build());

    @BeforeAll
    static void database() {
        MallInfrastructure infra = MallInfrastructure.get();
        String url = infra.mysqlUrl() + "/mall_outbox_test" + infra.databaseSuffix()
                + "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC"
                + "&forceConnectionTimeZoneToSession=true";
        DriverManagerDataSource ds = new DriverManagerDataSource(url, infra.mysqlUser(), infra.mysqlPassword());
        Flyway.configure().dataSource(ds).locations("classpath:db/common").load().migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        kafka = new KafkaTemplate<>(producers);
    }

    @AfterAll
    static void close() {
        producers.destroy();
    }

    @Test
    void twoRelaysPublishEveryCommittedEventExactlyOnce() throws Exception {
        OutboxProperties props = new OutboxProperties(true, Duration.ofMillis(50), 25, Duration.ofDays(7));
        OutboxRelay replicaA = new OutboxRelay(jdbc, tx, kafka, props);
        OutboxRelay replicaB = new OutboxRelay(jdbc, tx, kafka, props);
        Outbox outbox = new Outbox(jdbc, EVENTS, replicaA);
        String run = UUID.randomUUID().toString();
        try (EventCollector collector = EventCollector.of(TOPIC)) {
            replicaA.start();
            replicaB.start();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<String> committed = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(400);
            for (int i = 0; i < 400; i++) {
                int n = i;
                writers.submit(() -> {
                    try {
                        tx.executeWithoutResult(s -> {
                            EventEnvelope e = outbox.publish(TOPIC, "Ping", run + "-" + (n % 20), new Pinged(n));
                            if (n % 10 == 0) {
                                s.setRollbackOnly(); // the business change failed: its event must never leave
                            } else {
                                committed.add(e.eventId());
                            }
                        });
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            writers.shutdown();
            await().atMost(Duration.ofSeconds(60)).until(() -> collector.all(e -> e.aggregateId().startsWith(run))
                    .stream().map(EventEnvelope::eventId).collect(Collectors.toSet()).containsAll(committed));
            // stop both replicas (each waits for its in-flight batch), then put a sentinel behind every key: once
            // the sentinels arrive, anything published twice before them would have arrived too
            replicaA.stop();
            replicaB.stop();
            for (int k = 0; k < 20; k++) {
                EventCollector.publish(TOPIC, EVENTS.wrap("Ping", run + "-" + k, new Pinged(-1)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> collector.all(
                    e -> e.aggregateId().startsWith(run) && e.payload().path("n").asInt() == -1).size() == 20);
            Map<String, Long> published = collector.all(e -> e.aggregateId().startsWith(run)
                    && e.payload().path("n").asInt() >= 0).stream()
                    .collect(Collectors.groupingBy(EventEnvelope::eventId, Collectors.counting()));
            assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(published.values()).allMatch(count -> count == 1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL AND msg_key LIKE ?",
                    Integer.class, run + "%")).isZero();
        } finally {
            replicaA.stop();
            replicaB.stop();
        }
    }

    @Test
    void publishingOutsideABusinessTransactionIsRefused() {
        Outbox outbox = new Outbox(jdbc, EVENTS, new OutboxRelay(jdbc, tx, kafka, new OutboxProperties(null, null, null, null)));
        assertThatThrownBy(() -> outbox.publish(TOPIC, "Ping", "x", new Pinged(1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inboxAppliesAnEventOnceWhateverTheRacingDeliveries() throws Exception {
        Inbox inbox = new Inbox(jdbc, tx);
        EventEnvelope event = EVENTS.wrap("Ping", "inbox", new Pinged(7));
        AtomicInteger effects = new AtomicInteger();
        ExecutorService deliveries = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Boolean>> results = deliveries.invokeAll(IntStream.range(0, 8)
                .mapToObj(i -> (java.util.concurrent.Callable<Boolean>) () -> inbox.once(event, effects::incrementAndGet))
                .toList());
        deliveries.shutdown();
        long applied = 0;
        for (var r : results) {
            applied += r.get() ? 1 : 0;
        }
        assertThat(applied).isEqualTo(1);
        assertThat(effects.get()).isEqualTo(1);
    }

    @Test
    void aFailingEffectLeavesTheEventUnprocessedForTheRetry() {
        Inbox inbox = new Inbox(jdbc, tx);
        EventEnvelope event = EVENTS.wrap("Ping", "inbox-retry", new Pinged(8));
        assertThatThrownBy(() -> inbox.once(event, () -> {
            throw new IllegalStateException("effect failed");
        })).hasMessage("effect failed");
        AtomicInteger effects = new AtomicInteger();
        assertThat(inbox.once(event, effects::incrementAndGet)).isTrue();
        assertThat(effects.get()).isEqualTo(1);
    }
}
