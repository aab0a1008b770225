package com.siyu.mall.local;

import com.siyu.mall.common.testsupport.embedded.EmbeddedInfraLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java half of {@code deploy/local/mall.sh}: runs the embedded database and broker as their own processes,
 * waits for readiness probes, seeds the demo catalog and walks the demo journey.
 *
 * <pre>
 * mariadb &lt;port&gt; &lt;dir&gt; | kafka &lt;port&gt; &lt;dir&gt;      a server that runs until SIGTERM
 * wait-ready &lt;seconds&gt; name=url…                  polls readiness probes, prints progress
 * probe url                                        exit 0 when the probe answers 200
 * seed &lt;gateway&gt; &lt;admin password&gt;                  the demo catalog (once)
 * demo &lt;gateway&gt; &lt;admin password&gt;                  a purchase journey, step by step
 * </pre>
 */
public final class LocalStack {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "mariadb", "kafka" -> EmbeddedInfraLauncher.main(args);
            case "wait-ready" -> System.exit(waitReady(Integer.parseInt(rest[0]), Arrays.copyOfRange(rest, 1, rest.length)) ? 0 : 1);
            case "probe" -> System.exit(ready(rest[0]) ? 0 : 1);
            case "seed" -> Demo.seed(new MallClient(rest[0]), rest[1]);
            case "demo" -> Demo.walk(new MallClient(rest[0]), rest[1]);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: LocalStack (mariadb|kafka) <port> <dir> | wait-ready <seconds> name=url... "
                + "| probe <url> | seed <gateway> <admin-password> | demo <gateway> <admin-password>");
        System.exit(2);
    }

    static boolean waitReady(int seconds, String... namedUrls) {
        Map<String, String> pending = new LinkedHashMap<>();
        for (String named : namedUrls) {
            String[] parts = named.split("=", 2);
            pending.put(parts[0], parts[1]);
        }
        Instant started = Instant.now();
        Instant deadline = started.plusSeconds(seconds);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            pending.entrySet().removeIf(e -> {
                boolean up = ready(e.getValue());
                if (up) {
                    System.out.printf("  %-22s ready after %4.1f s%n", e.getKey(),
                            Duration.between(started, Instant.now()).toMillis() / 1000.0);
                }
                return up;
            });
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        pending.keySet().forEach(name -> System.out.printf("  %-22s NOT ready after %d s%n", name, seconds));
        return pending.isEmpty();
    }

    static boolean ready(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
