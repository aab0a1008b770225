package com.siyu.mall.order.order;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * member-service's wallet debit endpoint over real HTTP, answering like the real one: a balance per member, once per
 * order (a repeat returns the first debit), 409 WALLET_INSUFFICIENT problem when the balance is short. member-service
 * itself tests the real rules (WalletIT); this is the service boundary as order-service sees it.
 */
final class StubMember implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<Long, Long> balances = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> debits = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final java.util.Set<Long> outageFor = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    StubMember() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/wallet/debits", this::debit);
        server.start();
    }

    private synchronized void debit(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            respond(exchange, 401, "application/problem+json", Map.of("status", 401, "code", "UNAUTHORIZED"));
            return;
        }
        JsonNode r = JSON.readTree(exchange.getRequestBody());
        long member = r.path("memberId").asLong();
        long order = r.path("orderId").asLong();
        long amount = r.path("amountFen").asLong();
        if (outageFor.contains(member)) {
            respond(exchange, 503, "application/problem+json", Map.of("status", 503, "code", "DATABASE_UNAVAILABLE"));
            return;
        }
        Map<String, Object> earlier = debits.get(order);
        if (earlier != null) {
            respond(exchange, 200, "application/json", earlier);
            return;
        }
        long balance = balances.getOrDefault(member, 0L);
        if (balance < amount) {
            respond(exchange, 409, "application/problem+json", Map.of("status", 409, "code", "WALLET_INSUFFICIENT",
                    "detail", "the wallet holds " + balance + " fen"));
            return;
        }
        balances.put(member, balance - amount);
        Map<String, Object> debit = Map.of("memberId", member, "orderId", order, "amountFen", amount,
                "principalFen", amount, "bonusFen", 0, "balanceFen", balance - amount);
        debits.put(order, debit);
        respond(exchange, 200, "application/json", debit);
    }

    private static void respond(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void balance(long memberId, long fen) {
        balances.put(memberId, fen);
    }

    /** This member's debits answer 503, as member-service does while its database is down (nothing is debited). */
    void outage(long memberId, boolean down) {
        if (down) {
            outageFor.add(memberId);
        } else {
            outageFor.remove(memberId);
        }
    }

    long balance(long memberId) {
        return balances.getOrDefault(memberId, 0L);
    }

    int calls() {
        return calls.get();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
