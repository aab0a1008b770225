package com.siyu.mall.common.testsupport.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one embedded server as a standalone process until SIGTERM/SIGINT.
 *
 * <pre>
 *   java ... EmbeddedInfraLauncher kafka   &lt;port&gt; [dir|-]
 *   java ... EmbeddedInfraLauncher mariadb &lt;port&gt; [dir|-] [--durable]
 * </pre>
 *
 * Port 0 picks a free port; a missing dir or "-" uses a temporary dir deleted on exit. Once the
 * server is up, one line "READY kafka 127.0.0.1:PORT" or "READY mariadb PORT" is printed to stdout.
 * Log level: system property {@code embedded.logLevel} (default WARN, applied when Logback is used).
 */
public final class EmbeddedInfraLauncher {

    private EmbeddedInfraLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: (kafka|mariadb) <port> [dir|-] [--durable]");
            System.exit(2);
        }
        quietLogging(System.getProperty("embedded.logLevel", "WARN"));
        int port = Integer.parseInt(args[1]);
        Path dir = args.length > 2 && !"-".equals(args[2]) ? Path.of(args[2]) : null;
        Runnable stop;
        switch (args[0]) {
            case "kafka" -> {
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(port, dir);
                stop = kafka::stop;
                System.out.println("READY kafka " + kafka.bootstrapServers());
            }
            case "mariadb" -> {
                boolean durable = args.length > 3 && "--durable".equals(args[3]);
                EmbeddedMariaDb db = EmbeddedMariaDb.start(port, dir, durable);
                stop = db::stop;
                System.out.println("READY mariadb " + db.port());
            }
            default -> throw new IllegalArgumentException("Unknown server: " + args[0]);
        }
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                stopped.countDown();
            }
        }, "embedded-infra-shutdown"));
        stopped.await();
    }

    private static void quietLogging(String level) {
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext");
        } catch (ClassNotFoundException e) {
            return;
        }
        Logback.setRootLevel(level);
    }

    /** Loaded only when Logback is on the classpath. */
    private static final class Logback {
        static void setRootLevel(String level) {
            if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
                ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.toLevel(level));
            }
        }
    }
}
