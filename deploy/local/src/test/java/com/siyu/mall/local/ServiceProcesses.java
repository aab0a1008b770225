package com.siyu.mall.local;

import com.siyu.mall.common.testsupport.MallInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The six services as separate JVMs, from the jars their modules just built, on free ports, against the test
 * infrastructure's real database and broker: the same processes {@code mall.sh up} runs.
 */
final class ServiceProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("member-service", "catalog-service", "order-service",
            "promotion-service", "distribution-service", "gateway-service");

    private final Path root = Path.of(System.getProperty("mall.root", "../..")).toAbsolutePath().normalize();
    private final Path logs = root.resolve("deploy/local/target/e2e-logs");
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();

    ServiceProcesses start(Map<String, String> extraEnv) throws IOException {
        MallInfrastructure infra = MallInfrastructure.get();
        Files.createDirectories(logs);
        for (String service : SERVICES) {
            ports.put(service, freePort());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MALL_MYSQL_URL", infra.mysqlUrl());
        env.put("MALL_MYSQL_USER", infra.mysqlUser());
        env.put("MALL_MYSQL_PASSWORD", infra.mysqlPassword());
        env.put("MALL_DB_SUFFIX", infra.databaseSuffix() + "_e2e");
        env.put("MALL_KAFKA_BOOTSTRAP", infra.kafkaBootstrap());
        env.put("MALL_JWKS_URI", url("member-service") + "/.well-known/jwks.json");
        for (String service : SERVICES) {
            String name = service.replace("-service", "").toUpperCase();
            env.put("MALL_" + name + "_PORT", String.valueOf(ports.get(service)));
            env.put("MALL_" + name + "_URL", url(service));
        }
        env.putAll(extraEnv);
        for (String service : SERVICES) {
            Path jar = root.resolve(service).resolve("target").resolve(service + ".jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the root (it packages every service first)");
            }
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            builder.environment().putAll(env);
            processes.add(builder.start());
        }
        return this;
    }

    void awaitReady(Duration timeout) {
        Map<String, String> probes = new LinkedHashMap<>();
        SERVICES.forEach(s -> probes.put(s, url(s) + "/actuator/health/readiness"));
        Instant deadline = Instant.now().plus(timeout);
        while (!probes.isEmpty()) {
            probes.values().removeIf(LocalStack::ready);
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException(SERVICES.get(i) + " exited: " + tail(SERVICES.get(i)));
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not ready after " + timeout + ": " + probes.keySet() + "\n"
                        + probes.keySet().stream().map(this::tail).reduce("", String::concat));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String tail(String service) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve(service + ".log"));
            return "\n--- " + service + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log for " + service + ")";
        }
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
