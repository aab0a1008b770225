package com.siyu.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Members placing orders through the gateway: open model at {@code bench.rate} orders/s, or closed with
 * {@code bench.users} members ordering back to back (the maximum). How long each accepted order took to reach
 * AWAITING_PAYMENT is read from the order table by the glue, not polled.
 */
public class OrderPlaceSimulation extends Simulation {

    private final Path data = Path.of(System.getProperty("bench.data"));
    private final String gateway = System.getProperty("bench.gateway", "http://127.0.0.1:8080");
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int rate = Integer.getInteger("bench.rate", 0);
    private final int users = Integer.getInteger("bench.users", 32);

    private final ChainBuilder order = feed(csv(data.resolve("skus.csv").toString()).random()).exec(http("place order").post("/api/v1/orders")
            .header("Authorization", "Bearer #{token}")
            .header("Idempotency-Key", session -> UUID.randomUUID().toString())
            .header("Content-Type", "application/json")
            .body(StringBody("{\"items\":[{\"skuId\":\"#{sku}\",\"quantity\":1}],\"address\":{\"receiver\":\"压测\","
                    + "\"phone\":\"13800001111\",\"province\":\"浙江省\",\"city\":\"杭州市\",\"district\":\"西湖区\","
                    + "\"detail\":\"文三路 1 号\"}}"))
            .check(status().is(202)));

    {
        ScenarioBuilder scn = scenario("order-place").feed(csv(data.resolve("members.csv").toString()).circular());
        if (rate > 0) {
            setUp(scn.exec(order).injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
                    .protocols(http.baseUrl(gateway).shareConnections().disableCaching())
                    .maxDuration(Duration.ofSeconds(seconds + 30));
        } else {
            setUp(scn.during(Duration.ofSeconds(seconds)).on(order)
                    .injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds))))
                    .protocols(http.baseUrl(gateway).shareConnections().disableCaching())
                    .maxDuration(Duration.ofSeconds(seconds + 30));
        }
    }
}
