package com.siyu.mall.common.testsupport.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaBrokerIT {

    @Test
    void produceAndConsumeWithIdempotentProducerAndGroup() throws Exception {
        long t0 = System.nanoTime();
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null);
        System.out.printf("TIMING kafka start (temp dir) %d ms, %s%n", (System.nanoTime() - t0) / 1_000_000, kafka.bootstrapServers());
        try {
            long t1 = System.nanoTime();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1))).all().get();
                assertTrue(admin.listTopics().names().get().contains("orders"));
            }
            produce(kafka, "orders", "k1", "hello");
            List<String> values = consume(kafka, "orders", "g1", 1);
            assertEquals(List.of("hello"), values);
            // auto topic creation
            produce(kafka, "auto-created", "k", "v");
            assertEquals(List.of("v"), consume(kafka, "auto-created", "g2", 1));
            System.out.printf("TIMING kafka admin+produce+consume %d ms%n", (System.nanoTime() - t1) / 1_000_000);
        } finally {
            long t2 = System.nanoTime();
            kafka.stop();
            System.out.printf("TIMING kafka stop %d ms%n", (System.nanoTime() - t2) / 1_000_000);
        }
    }

    @Test
    void persistentLogDirSurvivesRestart() throws Exception {
        Path dir = Files.createTempDirectory("kafka-persist-test-").resolve("logs");
        try {
            long tFirst = System.nanoTime();
            EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(0, dir);
            System.out.printf("TIMING kafka start (new persistent dir) %d ms%n", (System.nanoTime() - tFirst) / 1_000_000);
            try {
                produce(first, "events", "k", "persisted");
            } finally {
                first.stop();
            }
            assertTrue(Files.exists(dir.resolve("meta.properties")));
            long t0 = System.nanoTime();
            EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(0, dir);
            System.out.printf("TIMING kafka warm restart (existing log dir) %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            try {
                assertEquals(List.of("persisted"), consume(second, "events", "g-restart", 1));
            } finally {
                second.stop();
            }
        } finally {
            try (var paths = Files.walk(dir.getParent())) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void produce(EmbeddedKafkaBroker kafka, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> consume(EmbeddedKafkaBroker kafka, String topic, String group, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            consumer.commitSync();
        }
        return values;
    }
}
