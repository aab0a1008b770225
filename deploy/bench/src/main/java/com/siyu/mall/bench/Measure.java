package com.siyu.mall.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements Gatling cannot make, each appending one JSON object to {@code scenarios.jsonl}:
 * <pre>
 * gatling  name consoleLog out [key=value…]   Gatling's global stats from its console output
 * db-raw   seconds threads out                 JDBC conditional stock updates on one row: the physical ceiling
 * orders   name skusCsv fromMs toMs out        accepted orders/s and order-row → AWAITING_PAYMENT latency
 * reserve-burst gateway adminToken orders stock out   OrderCreated events for one SKU straight onto the topic:
 *                                               catalog's reservation rate without order intake in front of it
 * hot-sku  sku stock out                       oversold, units sold, reservation decisions/s
 * event-lag name fromMs toMs out               OrderCreated outbox commit → catalog's processed_event
 * backlog-fill gateway adminToken events file   queue OrderCreated rows in order-service's outbox (relay paused)
 * backlog-drain file resumedMs out             the backlog's publish rate and catalog's drain rate once resumed
 * wallet-debit memberUrl code seconds threads out   one member's wallet debited 1 fen per order from many threads
 *                                               through member-service's internal API: contended debits/s
 * resources label seconds runDir out           RSS and CPU of each local-stack process over a window
 * startup  runDir out                          each service's own start time from its log
 * </pre>
 */
public final class Measure {

    private static final String DB = System.getenv().getOrDefault("MALL_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306");
    private static final String USER = System.getenv().getOrDefault("MALL_MYSQL_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("MALL_MYSQL_PASSWORD", "");

    private Measure() {
    }

    public static void main(String[] a) throws Exception {
        ObjectNode result = switch (a[0]) {
            case "gatling" -> gatling(a[1], Path.of(a[2]), java.util.Arrays.copyOfRange(a, 4, a.length));
            case "db-raw" -> dbRaw(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
            case "orders" -> orders(a[1], Path.of(a[2]), Long.parseLong(a[3]), Long.parseLong(a[4]));
            case "hot-sku" -> hotSku(Long.parseLong(a[1]), Integer.parseInt(a[2]));
            case "reserve-burst" -> reserveBurst(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "event-lag" -> eventLag(a[1], Long.parseLong(a[2]), Long.parseLong(a[3]));
            case "backlog-fill" -> backlogFill(a[1], a[2], Integer.parseInt(a[3]), Path.of(a[4]));
            case "backlog-drain" -> backlogDrain(Path.of(a[1]), Long.parseLong(a[2]));
            case "wallet-debit" -> walletDebit(a[1], a[2], Integer.parseInt(a[3]), Integer.parseInt(a[4]));
            case "resources" -> resources(a[1], Integer.parseInt(a[2]), Path.of(a[3]));
            case "startup" -> startup(Path.of(a[1]));
            default -> throw new IllegalArgumentException("unknown measurement " + a[0]);
        };
        if (result == null) {
            return;
        }
        Path out = Path.of(a[a[0].equals("gatling") ? 3 : a.length - 1]);
        Files.writeString(out, Api.JSON.writeValueAsString(result) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(result.toPrettyString());
    }

    private static final Pattern LINE = Pattern.compile("^> (.+?)\\s+\\|\\s+([\\d,.-]+)\\s+\\|\\s+([\\d,.-]+)\\s+\\|\\s+([\\d,.-]+)\\s*$");

    static ObjectNode gatling(String name, Path console, String[] extras) throws Exception {
        Map<String, Double> total = new TreeMap<>();
        Map<String, Double> ko = new TreeMap<>();
        boolean inGlobal = false;
        for (String line : Files.readAllLines(console)) {
            if (line.contains("---- Global Information")) {
                inGlobal = true;
                total.clear();
                ko.clear();
            } else if (inGlobal && line.startsWith("----")) {
                inGlobal = false;
            }
            Matcher m = LINE.matcher(line.strip());
            if (inGlobal && m.matches()) {
                total.put(m.group(1).strip(), number(m.group(2)));
                ko.put(m.group(1).strip(), number(m.group(4)));
            }
        }
        ObjectNode r = node(name);
        r.put("requests", total.getOrDefault("request count", 0.0).longValue());
        r.put("errors", ko.getOrDefault("request count", 0.0).longValue());
        r.put("throughputPerSec", total.getOrDefault("mean throughput (rps)", 0.0));
        r.put("p50Ms", total.getOrDefault("response time 50th percentile (ms)", 0.0));
        r.put("p95Ms", total.getOrDefault("response time 95th percentile (ms)", 0.0));
        r.put("p99Ms", total.getOrDefault("response time 99th percentile (ms)", 0.0));
        r.put("maxMs", total.getOrDefault("max response time (ms)", 0.0));
        for (String extra : extras) {
            String[] kv = extra.split("=", 2);
            r.put(kv[0], kv[1]);
        }
        return r;
    }

    private static double number(String s) {
        return s.equals("-") ? 0 : Double.parseDouble(s.replace(",", ""));
    }

    static ObjectNode dbRaw(int seconds, int threads) throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS mall_bench");
            s.execute("CREATE TABLE IF NOT EXISTS mall_bench.stock_raw (sku_id BIGINT PRIMARY KEY, available INT NOT NULL,"
                    + " reserved INT NOT NULL) ENGINE=InnoDB");
            s.execute("REPLACE INTO mall_bench.stock_raw VALUES (1, 1000000000, 0)");
        }
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                List<Long> nanos = new ArrayList<>();
                try (Connection c = connect("mall_bench"); PreparedStatement ps = c.prepareStatement(
                        "UPDATE stock_raw SET available = available - 1, reserved = reserved + 1 WHERE sku_id = 1 AND available >= 1")) {
                    while (Instant.now().isBefore(end)) {
                        long t0 = System.nanoTime();
                        if (ps.executeUpdate() != 1) {
                            throw new IllegalStateException("raw stock ran out");
                        }
                        nanos.add(System.nanoTime() - t0);
                    }
                }
                return nanos;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> w : workers) {
            all.addAll(w.get());
        }
        pool.shutdown();
        ObjectNode r = node("db-raw");
        r.put("threads", threads);
        r.put("updates", all.size());
        r.put("throughputPerSec", all.size() / (double) seconds);
        percentiles(r, all.stream().map(n -> n / 1_000_000.0).toList());
        return r;
    }

    static ObjectNode orders(String name, Path skusCsv, long fromMs, long toMs) throws Exception {
        List<String> skus = Files.readAllLines(skusCsv).stream().skip(1).filter(l -> !l.isBlank()).toList();
        Duration timeout = Duration.parse(System.getenv().getOrDefault("MALL_ORDER_PAYMENT_TIMEOUT", "PT30M"));
        List<Double> latency = new ArrayList<>();
        long count = 0;
        long awaiting = 0;
        Instant first = null;
        Instant last = null;
        try (Connection c = connect("mall_order"); PreparedStatement ps = c.prepareStatement("""
                SELECT o.created_at, o.payment_deadline, o.status FROM sales_order o
                JOIN sales_order_line l ON l.order_id = o.id
                WHERE l.sku_id IN (%s) AND o.created_at BETWEEN ? AND ?""".formatted(String.join(",", skus)))) {
            ps.setTimestamp(1, new Timestamp(fromMs));
            ps.setTimestamp(2, new Timestamp(toMs));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    Instant created = rs.getTimestamp(1).toInstant();
                    first = first == null || created.isBefore(first) ? created : first;
                    last = last == null || created.isAfter(last) ? created : last;
                    if (rs.getTimestamp(2) != null) {
                        awaiting++;
                        Instant reserved = rs.getTimestamp(2).toInstant().minus(timeout);
                        latency.add(Duration.between(created, reserved).toNanos() / 1_000_000.0);
                    }
                }
            }
        }
        ObjectNode r = node(name);
        r.put("ordersAccepted", count);
        r.put("ordersAwaitingPayment", awaiting);
        double span = first == null ? 0 : Math.max(1, Duration.between(first, last).toMillis()) / 1000.0;
        r.put("acceptedPerSec", span == 0 ? 0 : count / span);
        r.put("latency", "order row committed → AWAITING_PAYMENT");
        percentiles(r, latency);
        return r;
    }

    static ObjectNode hotSku(long sku, int stock) throws Exception {
        ObjectNode r = node("hot-sku");
        try (Connection c = connect("mall_catalog")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT available, reserved, sold FROM sku_stock WHERE sku_id = ?")) {
                ps.setLong(1, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int taken = rs.getInt(2) + rs.getInt(3);
                    r.put("stock", stock);
                    r.put("available", rs.getInt(1));
                    r.put("unitsTaken", taken);
                    r.put("oversold", Math.max(0, taken - stock));
                    r.put("everyUnitSold", rs.getInt(1) == 0 && taken == stock);
                }
            }
            // decisions (reserved or failed) per second, from the first order's commit to the last decision
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT COUNT(*), MIN(o.created_at), MAX(r.created_at) FROM mall_catalog.stock_reservation r
                    JOIN mall_order.sales_order_line l ON l.order_id = r.order_id
                    JOIN mall_order.sales_order o ON o.id = r.order_id
                    WHERE l.sku_id = ?""")) {
                ps.setLong(1, sku);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long decisions = rs.getLong(1);
                    double span = rs.getTimestamp(2) == null ? 0
                            : Math.max(1, rs.getTimestamp(3).getTime() - rs.getTimestamp(2).getTime()) / 1000.0;
                    r.put("reservationDecisions", decisions);
                    r.put("decisionsPerSec", span == 0 ? 0 : decisions / span);
                }
            }
        }
        return r;
    }

    static ObjectNode reserveBurst(String gateway, String admin, int orders, int stock) throws Exception {
        String[] product = Api.product(gateway, admin, "bench burst " + System.currentTimeMillis(), stock);
        long sku = Long.parseLong(product[1]);
        long spu = Long.parseLong(product[0]);
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", System.getenv().getOrDefault("MALL_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        props.put("acks", "all");
        props.put("linger.ms", "5");
        props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        props.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        List<Long> ids = new ArrayList<>();
        long started;
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(props)) {
            producer.partitionsFor("mall.order.events"); // metadata before the clock starts
            started = System.currentTimeMillis();
            for (int i = 0; i < orders; i++) {
                long orderId = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
                ids.add(orderId);
                ObjectNode envelope = orderCreated(orderId, sku, spu);
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("mall.order.events",
                        String.valueOf(orderId), Api.JSON.writeValueAsString(envelope)));
            }
            producer.flush();
        }
        ObjectNode r = node("reserve-burst");
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        Instant deadline = Instant.now().plusSeconds(180);
        try (Connection c = connect("mall_catalog")) {
            long decided = 0;
            Timestamp last = null;
            while (Instant.now().isBefore(deadline)) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(created_at) FROM stock_reservation WHERE order_id IN (" + in + ")")) {
                    rs.next();
                    decided = rs.getLong(1);
                    last = rs.getTimestamp(2);
                }
                if (decided == orders) {
                    break;
                }
                Thread.sleep(200);
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT available, reserved, sold FROM sku_stock WHERE sku_id = " + sku)) {
                rs.next();
                r.put("stock", stock);
                r.put("reserved", rs.getInt(2));
                r.put("oversold", Math.max(0, rs.getInt(2) + rs.getInt(3) - stock));
                r.put("everyUnitSold", rs.getInt(1) == 0 && rs.getInt(2) + rs.getInt(3) == stock);
            }
            r.put("orders", orders);
            r.put("reservationDecisions", decided);
            double span = last == null ? 0 : Math.max(1, last.getTime() - started) / 1000.0;
            r.put("decisionsPerSec", span == 0 ? 0 : decided / span);
        }
        return r;
    }

    /** A synthetic one-line OrderCreated envelope (member 1, 1 × 990 fen), as order-service's outbox writes it. */
    private static ObjectNode orderCreated(long orderId, long sku, long spu) {
        ObjectNode envelope = Api.JSON.createObjectNode();
        envelope.put("eventId", java.util.UUID.randomUUID().toString());
        envelope.put("eventType", "OrderCreated");
        envelope.put("aggregateType", "Order");
        envelope.put("aggregateId", String.valueOf(orderId));
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("schemaVersion", 1);
        ObjectNode payload = envelope.putObject("payload");
        payload.put("orderId", orderId);
        payload.put("memberId", 1);
        payload.putArray("lines").addObject().put("skuId", sku).put("spuId", spu).put("quantity", 1)
                .put("unitPriceFen", 990);
        payload.put("totalFen", 990);
        return envelope;
    }

    static ObjectNode eventLag(String name, long fromMs, long toMs) throws Exception {
        List<Double> lag = new ArrayList<>();
        try (Connection c = connect("mall_order"); PreparedStatement ps = c.prepareStatement("""
                SELECT TIMESTAMPDIFF(MICROSECOND, o.created_at, p.processed_at) FROM mall_order.outbox_event o
                JOIN mall_catalog.processed_event p ON p.event_id = o.event_id
                WHERE o.event_type = 'OrderCreated' AND o.created_at BETWEEN ? AND ?""")) {
            ps.setTimestamp(1, new Timestamp(fromMs));
            ps.setTimestamp(2, new Timestamp(toMs));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lag.add(rs.getLong(1) / 1000.0);
                }
            }
        }
        ObjectNode r = node(name);
        r.put("events", lag.size());
        r.put("lag", "OrderCreated outbox row committed → catalog processed it");
        percentiles(r, lag);
        return r;
    }

    private static final int BACKLOG_SKUS = 10;

    /**
     * Writes {@code events} OrderCreated rows into order-service's outbox exactly as {@code Outbox.publishAll} does,
     * spread over fresh SKUs with enough stock for all of them, while order-service runs with its relay paused.
     * The orders are synthetic (order-service has no rows for them), as in reserve-burst: the drain measures relay,
     * broker and catalog's consumer, not order intake.
     */
    static ObjectNode backlogFill(String gateway, String admin, int events, Path file) throws Exception {
        long[][] skus = new long[BACKLOG_SKUS][];
        for (int i = 0; i < BACKLOG_SKUS; i++) {
            String[] product = Api.product(gateway, admin, "bench backlog " + System.currentTimeMillis() + "-" + i,
                    events / BACKLOG_SKUS + 1);
            skus[i] = new long[] {Long.parseLong(product[1]), Long.parseLong(product[0])};
        }
        long firstId;
        long lastId;
        try (Connection c = connect("mall_order")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, msg_key, event_type, envelope, created_at)
                    VALUES (?, 'mall.order.events', ?, 'OrderCreated', ?, ?)""")) {
                for (int i = 0; i < events; i++) {
                    long orderId = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
                    long[] sku = skus[i % BACKLOG_SKUS];
                    ObjectNode envelope = orderCreated(orderId, sku[0], sku[1]);
                    ps.setString(1, envelope.path("eventId").asText());
                    ps.setString(2, String.valueOf(orderId));
                    ps.setString(3, Api.JSON.writeValueAsString(envelope));
                    ps.setTimestamp(4, Timestamp.from(Instant.now()));
                    ps.addBatch();
                    if (i % 500 == 499) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT MIN(id), MAX(id), COUNT(*) FROM outbox_event WHERE sent_at IS NULL")) {
                rs.next();
                firstId = rs.getLong(1);
                lastId = rs.getLong(2);
                if (rs.getLong(3) < events) {
                    throw new IllegalStateException("only " + rs.getLong(3) + " of " + events
                            + " rows are unsent: is order-service's relay really paused?");
                }
            }
        }
        Files.writeString(file, firstId + " " + lastId + " " + events + "\n");
        System.out.println("queued " + events + " OrderCreated rows (outbox ids " + firstId + "–" + lastId + ")");
        return null;
    }

    static ObjectNode backlogDrain(Path file, long resumedMs) throws Exception {
        String[] f = Files.readString(file).strip().split(" ");
        long firstId = Long.parseLong(f[0]);
        long lastId = Long.parseLong(f[1]);
        int events = Integer.parseInt(f[2]);
        Instant deadline = Instant.now().plusSeconds(300);
        long processed = 0;
        try (Connection c = connect("mall_order"); PreparedStatement ps = c.prepareStatement("""
                SELECT COUNT(o.sent_at), MIN(o.sent_at), MAX(o.sent_at), COUNT(p.event_id), MAX(p.processed_at)
                FROM mall_order.outbox_event o LEFT JOIN mall_catalog.processed_event p ON p.event_id = o.event_id
                WHERE o.id BETWEEN ? AND ?""")) {
            ps.setLong(1, firstId);
            ps.setLong(2, lastId);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long sent = rs.getLong(1);
                    processed = rs.getLong(4);
                    if (processed >= events || Instant.now().isAfter(deadline)) {
                        ObjectNode r = node("backlog-drain");
                        long firstSent = rs.getTimestamp(2).getTime();
                        double publishSpan = Math.max(1, rs.getTimestamp(3).getTime() - firstSent) / 1000.0;
                        double drainSpan = Math.max(1, rs.getTimestamp(5).getTime() - firstSent) / 1000.0;
                        r.put("events", events);
                        r.put("published", sent);
                        r.put("processed", processed);
                        r.put("publishedPerSec", Math.round(sent / publishSpan));
                        r.put("throughputPerSec", processed / drainSpan);
                        r.put("drainSeconds", drainSpan);
                        r.put("relayStartSeconds", (firstSent - resumedMs) / 1000.0);
                        r.put("drain", "first backlog row sent → catalog processed the last one");
                        return r;
                    }
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * One wallet, many concurrent debits (1 fen each, a new order id every time) through member-service's
     * {@code POST /internal/wallet/debits}: every debit locks the same wallet row, so this is the contended rate. The
     * wallet is recharged through the MOCK provider first; afterwards the balance must equal the recharge minus
     * exactly the debits that were answered 200 (nothing lost, nothing doubled).
     */
    static ObjectNode walletDebit(String memberUrl, String code, int seconds, int threads) throws Exception {
        String phone = "139" + String.format("%08d", System.currentTimeMillis() % 100_000_000L);
        Api.call("POST", memberUrl + "/api/v1/auth/sms-codes", Map.of("phone", phone), null, 202);
        var login = Api.call("POST", memberUrl + "/api/v1/auth/login", Map.of("phone", phone, "code", code), null, 200);
        String token = login.path("accessToken").asText();
        long memberId = login.path("memberId").asLong();
        long rechargeFen = 5_000_000;
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(memberUrl + "/api/v1/wallet/recharges"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"amountFen\":" + rechargeFen + "}")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        Instant credited = Instant.now().plusSeconds(30);
        while (Api.call("GET", memberUrl + "/api/v1/wallet", null, token, 200).path("balanceFen").asLong() < rechargeFen) {
            if (Instant.now().isAfter(credited)) {
                throw new IllegalStateException("the recharge was not credited within 30 s");
            }
            Thread.sleep(100);
        }
        Instant end = Instant.now().plusSeconds(seconds);
        java.util.concurrent.atomic.AtomicLong orderIds = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> workers = new ArrayList<>();
        List<Double> latency = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                long ok = 0;
                long failed = 0;
                while (Instant.now().isBefore(end)) {
                    String body = "{\"memberId\":" + memberId + ",\"orderId\":" + orderIds.incrementAndGet() + ",\"amountFen\":1}";
                    long t0 = System.nanoTime();
                    var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(memberUrl + "/internal/wallet/debits"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
                    latency.add((System.nanoTime() - t0) / 1_000_000.0);
                    if (r.statusCode() == 200) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                return new long[] {ok, failed};
            }));
        }
        long ok = 0;
        long failed = 0;
        for (Future<long[]> w : workers) {
            ok += w.get()[0];
            failed += w.get()[1];
        }
        pool.shutdown();
        long balance = Api.call("GET", memberUrl + "/api/v1/wallet", null, token, 200).path("balanceFen").asLong();
        ObjectNode r = node("wallet-debit");
        r.put("threads", threads);
        r.put("debits", ok);
        r.put("errors", failed);
        r.put("throughputPerSec", Math.round(ok * 10.0 / seconds) / 10.0);
        r.put("balanceConsistent", balance == rechargeFen - ok);
        percentiles(r, latency);
        return r;
    }

    static ObjectNode resources(String label, int seconds, Path run) throws Exception {
        Map<String, long[]> before = cpuTicks(run);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        Map<String, long[]> after = cpuTicks(run);
        double wall = (System.nanoTime() - t0) / 1e9;
        ObjectNode r = node("resources-" + label);
        ObjectNode procs = r.putObject("processes");
        for (var e : after.entrySet()) {
            long[] b = before.get(e.getKey());
            ObjectNode p = procs.putObject(e.getKey());
            p.put("rssMb", e.getValue()[1] / 1024);
            p.put("cpuPercent", b == null ? 0 : Math.round((e.getValue()[0] - b[0]) / 100.0 / wall * 1000) / 10.0);
        }
        return r;
    }

    /** name → {utime+stime ticks, RSS kB} of each process with a pid file. */
    private static Map<String, long[]> cpuTicks(Path run) throws Exception {
        Map<String, long[]> ticks = new TreeMap<>();
        try (var files = Files.list(run)) {
            for (Path pidFile : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                String pid = Files.readString(pidFile).strip();
                if (!Files.exists(Path.of("/proc", pid))) {
                    continue;
                }
                long[] sum = new long[2];
                for (String p : withChildren(pid)) { // mariadbd runs as a child of its launcher
                    Path proc = Path.of("/proc", p);
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum[0] += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    sum[1] += Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("VmRSS:"))
                            .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
                }
                ticks.put(pidFile.getFileName().toString().replace(".pid", ""), sum);
            }
        }
        return ticks;
    }

    private static List<String> withChildren(String pid) throws Exception {
        List<String> all = new ArrayList<>(List.of(pid));
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) { // any thread may have started the child
            for (Path task : tasks.toList()) {
                Path children = task.resolve("children");
                if (Files.exists(children)) {
                    for (String child : Files.readString(children).trim().split("\\s+")) {
                        if (!child.isBlank()) {
                            all.addAll(withChildren(child));
                        }
                    }
                }
            }
        }
        return all;
    }

    static ObjectNode startup(Path run) throws Exception {
        ObjectNode r = node("startup");
        ObjectNode services = r.putObject("services");
        Pattern started = Pattern.compile("Started \\w+ in ([\\d.]+) seconds");
        try (var files = Files.list(run.resolve("logs"))) {
            for (Path log : files.filter(p -> p.toString().endsWith("-service.log")).sorted().toList()) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = started.matcher(line);
                    if (m.find()) {
                        services.put(log.getFileName().toString().replace(".log", ""), Double.parseDouble(m.group(1)));
                    }
                }
            }
        }
        return r;
    }

    private static void percentiles(ObjectNode r, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        r.put("p50Ms", pct(sorted, 50));
        r.put("p95Ms", pct(sorted, 95));
        r.put("p99Ms", pct(sorted, 99));
        r.put("maxMs", sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return Math.round(sorted.get(Math.max(0, i)) * 100) / 100.0;
    }

    private static ObjectNode node(String scenario) {
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("scenario", scenario);
        return r;
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(DB + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true", USER, PASSWORD);
    }

}
