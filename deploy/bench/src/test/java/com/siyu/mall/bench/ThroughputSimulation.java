package com.siyu.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * One GET: the most a closed group of {@code bench.users} clients gets out of it, or, with {@code bench.rate}, its
 * latency at that fixed arrival rate (open model).
 */
public class ThroughputSimulation extends Simulation {

    private final String url = System.getProperty("bench.url");
    private final int users = Integer.getInteger("bench.users", 16);
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int rate = Integer.getInteger("bench.rate", 0);

    private final ScenarioBuilder scenario = scenario(System.getProperty("bench.name", "get"))
            .during(Duration.ofSeconds(seconds)).on(http("get").get(url).check(status().is(200)));

    {
        var injected = rate > 0
                ? scenario(System.getProperty("bench.name", "get")).exec(http("get").get(url).check(status().is(200)))
                        .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)))
                : scenario.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds)));
        setUp(injected)
                .protocols(http.shareConnections().disableCaching().warmUp(url))
                .maxDuration(Duration.ofSeconds(seconds + 10));
    }
}
