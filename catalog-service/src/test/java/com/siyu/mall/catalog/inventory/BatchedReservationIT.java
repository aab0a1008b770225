package com.siyu.mall.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallInfrastructure;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.testsupport.TestJwtIssuer;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderPaid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The batched consumer: many orders per transaction, still each decided once and all or nothing. */
@MallIntegrationTest
class BatchedReservationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EventCollector catalogEvents;
    private static EventCollector deadLetters;
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderEventBatch batch;
    @Autowired
    EventJson events;
    MallHttp http;
    final String admin = TestJwtIssuer.get().adminToken();

    @BeforeAll
    static void start() {
        catalogEvents = EventCollector.of(Topics.CATALOG);
        deadLetters = EventCollector.of(Topics.deadLetter(Topics.ORDER));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MallInfrastructure.get().kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void stop() {
        catalogEvents.close();
        deadLetters.close();
        producer.close();
    }

    @BeforeEach
    void client() {
        http = new MallHttp("http://localhost:" + port);
    }

    @Test
    void twoHundredConcurrentOrdersOverThreeOverlappingSkusNeitherDeadlockNorOversell() {
        int[] stock = {60, 45, 30};
        long[] skus = product(stock);
        Random random = new Random(42);
        Map<Long, List<OrderLine>> orders = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            List<OrderLine> lines = new ArrayList<>();
            int first = random.nextInt(3);
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) { // overlapping, in varying SKU order
                lines.add(line(skus[(first + k) % 3], 1 + random.nextInt(2)));
            }
            orders.put(orderId(), lines);
        }
        orders.entrySet().parallelStream().forEach(o -> send(created(o.getKey(), o.getValue())));
        producer.flush();

        Map<Long, Integer> reservedPerSku = new HashMap<>();
        int failed = 0;
        for (var order : orders.entrySet()) {
            EventEnvelope outcome = catalogEvents.await(e -> e.aggregateId().equals(String.valueOf(order.getKey())),
                    WAIT, "outcome of " + order.getKey());
            if (outcome.eventType().equals("InventoryReserved")) {
                order.getValue().forEach(l -> reservedPerSku.merge(l.skuId(), l.quantity(), Integer::sum));
            } else {
                assertThat(outcome.payload().path("reason").asString()).isEqualTo("OUT_OF_STOCK");
                failed++;
            }
        }
        await().atMost(WAIT).until(() -> decided(orders.keySet()) == 200);
        for (var order : orders.keySet()) {
            assertThat(catalogEvents.all(e -> e.aggregateId().equals(String.valueOf(order)))).as("order " + order)
                    .hasSize(1);
        }
        for (int i = 0; i < 3; i++) {
            Map<String, Object> row = jdbc.queryForMap("SELECT available, reserved, sold FROM sku_stock WHERE sku_id = ?",
                    skus[i]);
            int reserved = reservedPerSku.getOrDefault(skus[i], 0);
            assertThat(((Number) row.get("reserved")).intValue()).isEqualTo(reserved);
            assertThat(((Number) row.get("available")).intValue()).isEqualTo(stock[i] - reserved).isNotNegative();
            StockAssertions.assertConserved(jdbc, skus[i], stock[i]);
        }
        assertThat(failed).as("demand exceeds stock").isPositive().isLessThan(200);
    }

    @Test
    void aRedeliveredBatchAppliesOnce() {
        long sku = product(3)[0];
        List<EventEnvelope> events = new ArrayList<>();
        List<Long> orders = IntStream.range(0, 5).mapToObj(i -> orderId()).toList();
        orders.forEach(id -> events.add(created(id, List.of(line(sku, 1)))));
        events.add(events.get(0)); // the same event twice within one batch

        assertThat(batch.apply(events)).isEqualTo(5);
        assertThat(batch.apply(events)).isZero();
        events.forEach(this::send); // and the whole batch once more through the broker
        producer.flush();
        awaitProcessed(events.get(4));

        assertStock(sku, 0, 3, 0);
        assertThat(count("SELECT COUNT(*) FROM stock_reservation WHERE order_id IN (?, ?, ?, ?, ?)", orders.toArray()))
                .isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM stock_reservation WHERE status = 'RESERVED' AND order_id IN (?, ?, ?, ?, ?)",
                orders.toArray())).isEqualTo(3);
        for (long id : orders) {
            catalogEvents.await(e -> e.aggregateId().equals(String.valueOf(id)), WAIT, "outcome of " + id);
        }
        assertThat(orders.stream().mapToInt(id -> catalogEvents.all(e -> e.aggregateId().equals(String.valueOf(id))).size())
                .sum()).isEqualTo(5);
        StockAssertions.assertConserved(jdbc, sku, 3);
    }

    @Test
    void createCancelAndPayInOneBatchKeepEachOrdersSequence() {
        long sku = product(10)[0];
        long cancelledAfterCreate = orderId();
        long cancelledBeforeCreate = orderId();
        long paid = orderId();
        long paidThenCancelled = orderId();
        batch.apply(List.of(
                created(cancelledAfterCreate, List.of(line(sku, 2))),
                created(paid, List.of(line(sku, 3))),
                cancelled(cancelledBeforeCreate, sku, 4),
                cancelled(cancelledAfterCreate, sku, 2),
                created(cancelledBeforeCreate, List.of(line(sku, 4))),
                paid(paid, sku, 3),
                created(paidThenCancelled, List.of(line(sku, 1))),
                paid(paidThenCancelled, sku, 1),
                cancelled(paidThenCancelled, sku, 1)));

        assertStock(sku, 6, 0, 4);
        assertThat(status(cancelledAfterCreate)).isEqualTo("RELEASED");
        assertThat(status(cancelledBeforeCreate)).isEqualTo("RELEASED");
        assertThat(status(paid)).isEqualTo("CONFIRMED");
        assertThat(status(paidThenCancelled)).isEqualTo("CONFIRMED");
        assertThat(count("SELECT COUNT(*) FROM stock_reservation_line WHERE order_id = ?", cancelledBeforeCreate)).isZero();
        catalogEvents.await("InventoryReserved", paid, WAIT);
        catalogEvents.await("InventoryReserved", cancelledAfterCreate, WAIT);
        assertThat(catalogEvents.all(e -> e.aggregateId().equals(String.valueOf(cancelledBeforeCreate)))).isEmpty();
        StockAssertions.assertConserved(jdbc, sku, 10);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheRestOfThePartitionFlows() {
        long sku = product(5)[0];
        long orderId = orderId();
        EventEnvelope poison = new EventEnvelope(java.util.UUID.randomUUID().toString(), "OrderCreated", "Order",
                String.valueOf(orderId), Instant.now(), 1, JSON.readTree("{\"orderId\":\"not a number\"}"));
        EventEnvelope before = created(orderId(), List.of(line(sku, 1)));
        EventEnvelope after = created(orderId(), List.of(line(sku, 2)));
        String key = String.valueOf(orderId); // one partition: before, poison, after
        producer.send(new ProducerRecord<>(Topics.ORDER, key, events.write(before)));
        producer.send(new ProducerRecord<>(Topics.ORDER, key, events.write(poison)));
        producer.send(new ProducerRecord<>(Topics.ORDER, key, events.write(after)));
        producer.flush();

        deadLetters.await(e -> e.eventId().equals(poison.eventId()), WAIT, "the poison event on the DLT");
        awaitProcessed(after);
        awaitProcessed(before);
        assertStock(sku, 2, 3, 0);
    }

    private long[] product(int... stocks) {
        List<Map<String, Object>> skus = IntStream.range(0, stocks.length)
                .mapToObj(i -> Map.<String, Object>of("specs", Map.of("size", "S" + i), "priceFen", 1999, "stock", stocks[i]))
                .toList();
        var response = http.post("/admin/v1/products", Map.of("title", "batch product", "skus", skus), admin);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        long[] ids = new long[stocks.length];
        for (int i = 0; i < stocks.length; i++) {
            ids[i] = Long.parseLong(response.body().path("skus").get(i).path("skuId").asString());
        }
        return ids;
    }

    private void send(EventEnvelope event) {
        producer.send(new ProducerRecord<>(Topics.ORDER, event.aggregateId(), events.write(event)));
    }

    private static EventEnvelope created(long orderId, List<OrderLine> lines) {
        long total = lines.stream().mapToLong(l -> l.unitPriceFen() * l.quantity()).sum();
        return EventCollector.envelope("Order", orderId, new OrderCreated(orderId, 7, lines, total));
    }

    private static EventEnvelope cancelled(long orderId, long sku, int quantity) {
        return EventCollector.envelope("Order", orderId,
                new OrderCancelled(orderId, 7, List.of(line(sku, quantity)), "BY_MEMBER"));
    }

    private static EventEnvelope paid(long orderId, long sku, int quantity) {
        return EventCollector.envelope("Order", orderId,
                new OrderPaid(orderId, 7, List.of(line(sku, quantity)), quantity * 1999L, "MOCK", Instant.now()));
    }

    private static OrderLine line(long sku, int quantity) {
        return new OrderLine(sku, 1, quantity, 1999);
    }

    private static long orderId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private int decided(java.util.Collection<Long> orders) {
        return orders.stream().mapToInt(id -> count("SELECT COUNT(*) FROM stock_reservation WHERE order_id = ?", id)).sum();
    }

    private String status(long orderId) {
        return jdbc.queryForObject("SELECT status FROM stock_reservation WHERE order_id = ?", String.class, orderId);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private void awaitProcessed(EventEnvelope event) {
        await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", event.eventId()) == 1);
    }

    private void assertStock(long sku, int available, int reserved, int sold) {
        Map<String, Object> row = jdbc.queryForMap("SELECT available, reserved, sold FROM sku_stock WHERE sku_id = ?", sku);
        assertThat(List.of(((Number) row.get("available")).intValue(), ((Number) row.get("reserved")).intValue(),
                ((Number) row.get("sold")).intValue())).as("available, reserved, sold of " + sku)
                .containsExactly(available, reserved, sold);
    }
}
