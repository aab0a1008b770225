package com.siyu.mall.order.order;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * catalog-service's price-quote endpoint, served over real HTTP so order-service's Feign client, load balancer,
 * circuit breaker and problem decoding run as in production. The full journey against the real catalog lives
 * in deploy/local's end-to-end test.
 */
final class StubCatalog implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<Long, Long> prices = new ConcurrentHashMap<>();
    private final HttpServer server;

    StubCatalog() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/catalog/price-quotes", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            List<Map<String, Object>> lines = new ArrayList<>();
            long total = 0;
            for (JsonNode line : request.path("lines")) {
                long sku = line.path("skuId").asLong();
                int quantity = line.path("quantity").asInt();
                Long price = prices.get(sku);
                if (price == null) {
                    respond(exchange, 422, "application/problem+json", Map.of("status", 422, "code", "SKU_NOT_FOUND",
                            "detail", "no sku " + sku));
                    return;
                }
                total += price * quantity;
                lines.add(Map.of("skuId", sku, "spuId", sku + 1, "title", "stub product " + sku,
                        "specs", Map.of("color", "red"), "quantity", quantity, "unitPriceFen", price,
                        "priceRule", "LIST_PRICE"));
            }
            respond(exchange, 200, "application/json", Map.of("lines", lines, "totalFen", total));
        });
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, Object body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void price(long skuId, long priceFen) {
        prices.put(skuId, priceFen);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
