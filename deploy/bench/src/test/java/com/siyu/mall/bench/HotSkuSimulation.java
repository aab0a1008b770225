package com.siyu.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** {@code bench.buyers} buyers race for the hot SKU within {@code bench.rampMs}; the glue checks the outcome in the DB. */
public class HotSkuSimulation extends Simulation {

    private final Path data = Path.of(System.getProperty("bench.data"));
    private final String gateway = System.getProperty("bench.gateway", "http://127.0.0.1:8080");
    private final String sku = System.getProperty("bench.sku");
    private final int buyers = Integer.getInteger("bench.buyers", 2000);
    private final int rampMs = Integer.getInteger("bench.rampMs", 2000);

    {
        setUp(scenario("hot-sku").feed(csv(data.resolve("members.csv").toString()).circular())
                .exec(http("place order").post("/api/v1/orders")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .header("Content-Type", "application/json")
                        .body(StringBody("{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}],\"address\":{\"receiver\":\"压测\","
                                + "\"phone\":\"13800001111\",\"province\":\"浙江省\",\"city\":\"杭州市\",\"district\":\"西湖区\","
                                + "\"detail\":\"文三路 1 号\"}}"))
                        .check(status().is(202)))
                .injectOpen(rampUsers(buyers).during(Duration.ofMillis(rampMs))))
                .protocols(http.baseUrl(gateway).shareConnections().disableCaching());
    }
}
