package com.siyu.mall.common.testsupport;

import com.siyu.mall.common.event.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what really went over the broker: a consumer with its own group that keeps every envelope of a topic
 * from the beginning, so a test can wait for the event a user's action must cause. Also publishes envelopes,
 * standing in for another service's producer.
 */
public final class EventCollector implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<EventEnvelope> seen = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private EventCollector(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-collector-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500); // see partitions added after we subscribed
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        EventEnvelope envelope = JSON.readValue(record.value(), EventEnvelope.class);
                        synchronized (seen) {
                            seen.add(envelope);
                            seen.notifyAll();
                        }
                    }
                }
            }
        }, "event-collector-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    public static EventCollector of(String topic) {
        return new EventCollector(MallInfrastructure.get().kafkaBootstrap(), topic);
    }

    /** Waits until an event of {@code type} for {@code aggregateId} arrived, or fails after {@code timeout}. */
    public EventEnvelope await(String type, Object aggregateId, Duration timeout) {
        return await(e -> e.eventType().equals(type) && e.aggregateId().equals(String.valueOf(aggregateId)), timeout,
                type + " for " + aggregateId);
    }

    public EventEnvelope await(Predicate<EventEnvelope> match, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (seen) {
            while (true) {
                for (EventEnvelope e : seen) {
                    if (match.test(e)) {
                        return e;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("no event " + what + " within " + timeout + "; saw " + seen.size() + " events");
                }
                try {
                    seen.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Every event seen so far that matches. */
    public List<EventEnvelope> all(Predicate<EventEnvelope> match) {
        synchronized (seen) {
            return seen.stream().filter(match).toList();
        }
    }

    /** Publishes an envelope as the owning service's relay would (key = aggregate id). */
    public static void publish(String topic, EventEnvelope envelope) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MallInfrastructure.get().kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), JSON.writeValueAsString(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish test event", e);
        }
    }

    public static EventEnvelope envelope(String aggregateType, Object aggregateId, Object payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), payload.getClass().getSimpleName(), aggregateType,
                String.valueOf(aggregateId), Instant.now(), 1, JSON.valueToTree(payload));
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
