package com.siyu.mall.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Steady order load for fault drills: {@code rate} orders/s through the gateway until {@code stopFile} appears;
 * every answer is written as "status orderId-or-code elapsedMs" to {@code out}.
 * Usage: SteadyLoad gateway dataDir rate stopFile out
 */
public final class SteadyLoad {

    private SteadyLoad() {
    }

    public static void main(String[] a) throws Exception {
        String gateway = a[0];
        Path data = Path.of(a[1]);
        int rate = Integer.parseInt(a[2]);
        Path stop = Path.of(a[3]);
        List<String> tokens = Files.readAllLines(data.resolve("members.csv")).stream().skip(1).toList();
        List<String> skus = Files.readAllLines(data.resolve("skus.csv")).stream().skip(1).filter(s -> !s.isBlank()).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(16);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(a[4])), true)) {
            pool.scheduleAtFixedRate(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                String body = "{\"items\":[{\"skuId\":\"" + skus.get(r.nextInt(skus.size())) + "\",\"quantity\":1}],"
                        + "\"address\":{\"receiver\":\"演练\",\"phone\":\"13800001111\",\"province\":\"浙江省\","
                        + "\"city\":\"杭州市\",\"district\":\"西湖区\",\"detail\":\"文三路 1 号\"}}";
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/orders"))
                            .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + tokens.get(r.nextInt(tokens.size())))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    var json = Api.JSON.readTree(resp.body().isBlank() ? "{}" : resp.body());
                    String what = resp.statusCode() == 202 ? json.path("orderId").asText() : json.path("code").asText("-");
                    synchronized (out) {
                        out.println(resp.statusCode() + " " + what + " " + (System.nanoTime() - t0) / 1_000_000);
                    }
                } catch (Exception e) {
                    synchronized (out) {
                        out.println("000 " + e.getClass().getSimpleName() + " " + (System.nanoTime() - t0) / 1_000_000);
                    }
                }
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            while (!Files.exists(stop)) {
                Thread.sleep(200);
            }
            pool.shutdown();
            pool.awaitTermination(20, TimeUnit.SECONDS);
        }
    }
}
