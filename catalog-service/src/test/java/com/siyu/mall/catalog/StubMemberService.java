package com.siyu.mall.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * member-service's {@code GET /internal/members/{id}/benefits}, served over real HTTP (a service boundary), so
 * catalog's Feign client, load balancer, timeout, circuit breaker and problem decoding run as in production.
 * Members added with {@link #member}; {@link #failing} answers 500, {@link #slow} answers after 3 s, anyone else 404.
 */
public final class StubMemberService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Long, Map<String, Object>> members = new ConcurrentHashMap<>();
    private final Set<Long> failing = ConcurrentHashMap.newKeySet();
    private final Set<Long> slow = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    public StubMemberService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/internal/members/", this::benefits);
        server.start();
    }

    private void benefits(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        long id = Long.parseLong(parts[3]);
        if (failing.contains(id)) {
            respond(exchange, 500, Map.of("status", 500, "code", "INTERNAL_ERROR", "detail", "boom"));
        } else if (slow.contains(id)) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, members.getOrDefault(id, Map.of()));
        } else if (members.containsKey(id)) {
            respond(exchange, 200, members.get(id));
        } else {
            respond(exchange, 404, Map.of("status", 404, "code", "MEMBER_NOT_FOUND", "detail", "no member " + id));
        }
    }

    public StubMemberService member(long id, String level, int levelPercent, String card, int cardPercent,
            String lifecycle) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("memberId", id);
        b.put("levelCode", level);
        b.put("levelDiscountPercent", levelPercent);
        b.put("cardPlanCode", card);
        b.put("cardExpiresAt", card == null ? null : Instant.now().plusSeconds(86_400).toString());
        b.put("cardDiscountPercent", cardPercent);
        b.put("pointsMultiplier", BigDecimal.ONE);
        b.put("freeShipping", false);
        b.put("lifecycle", lifecycle);
        b.put("asOf", Instant.now().toString());
        members.put(id, b);
        return this;
    }

    public void failing(long id) {
        failing.add(id);
    }

    public void slow(long id) {
        slow.add(id);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
