package com.siyu.mall.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Prepares one run's data: products (a roomy SKU for order-place, a 100-unit hot SKU) and logged-in members,
 * written as Gatling feeders. Usage: Prepare outDir gateway memberUrl adminPassword smsCode members hotStock
 */
public final class Prepare {

    private Prepare() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String gateway = args[1];
        String memberUrl = args[2];
        String admin = Api.adminToken(gateway, args[3]);
        String code = args[4];
        int members = Integer.parseInt(args[5]);
        int hotStock = Integer.parseInt(args[6]);
        Files.createDirectories(out);
        long run = System.currentTimeMillis() % 10_000_000L;
        // orders spread over 50 SKUs, as in a real catalog; the hot SKU is its own scenario
        List<String[]> roomy = IntStream.range(0, 50)
                .mapToObj(i -> Api.product(gateway, admin, "bench product " + run + "-" + i, 10_000_000)).toList();
        String[] hot = Api.product(gateway, admin, "bench hot " + run, hotStock);
        Files.writeString(out.resolve("skus.csv"), "sku\n" + String.join("\n", roomy.stream().map(p -> p[1]).toList()) + "\n");
        Files.writeString(out.resolve("products.properties"), "roomySpu=" + roomy.get(0)[0] + "\nroomySku=" + roomy.get(0)[1]
                + "\nhotSpu=" + hot[0] + "\nhotSku=" + hot[1] + "\nadminToken=" + admin + "\n");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> tokens = IntStream.range(0, members).mapToObj(i -> pool.submit(() ->
                Api.memberToken(memberUrl, String.format("15%d%08d", run % 10, (run * 1000 + i) % 100_000_000L), code)))
                .toList();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("members.csv")))) {
            csv.println("token");
            for (Future<String> t : tokens) {
                csv.println(t.get());
            }
        }
        pool.shutdown();
        System.out.printf("prepared: %d SKUs for orders, hot sku %s (%d units), %d members%n", roomy.size(), hot[1], hotStock, members);
    }

    static java.util.Properties products(Path dir) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(dir.resolve("products.properties"))) {
            p.load(in);
        }
        return p;
    }
}
