package com.siyu.mall.common.testsupport.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;

/**
 * A single-node Apache Kafka 4.x KRaft server (broker and controller in one process, no ZooKeeper),
 * listening on 127.0.0.1 only. Intended for tests and local runs.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private final Path ownedLogDir; // null when the caller owns the log dir
    private volatile boolean stopped;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path ownedLogDir) {
        this.server = server;
        this.port = port;
        this.ownedLogDir = ownedLogDir;
    }

    /**
     * Starts the server and returns once the broker is serving requests.
     *
     * @param port client (PLAINTEXT) port on 127.0.0.1, 0 for a free port
     * @param logDir null for a temporary dir deleted by {@link #stop()}; otherwise a persistent dir,
     *     formatted only when it has not been formatted before
     */
    public static EmbeddedKafkaBroker start(int port, Path logDir) {
        Path ownedLogDir = null;
        try {
            Path dir;
            if (logDir == null) {
                ownedLogDir = Files.createTempDirectory("embedded-kafka-");
                dir = ownedLogDir;
            } else {
                dir = Files.createDirectories(logDir.toAbsolutePath().normalize());
            }
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            KafkaConfig config = KafkaConfig.fromProps(brokerProperties(dir, brokerPort, controllerPort), false);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(dir);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                shutdownQuietly(server, e);
                throw e;
            }
            return new EmbeddedKafkaBroker(server, brokerPort, ownedLogDir);
        } catch (Exception e) {
            deleteQuietly(ownedLogDir);
            throw new IllegalStateException("Could not start embedded Kafka", e);
        }
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteQuietly(ownedLogDir);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static Properties brokerProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort
                + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dir.toString());
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "6");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Small footprint: the log cleaner would otherwise reserve a 128 MiB dedupe buffer.
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        return p;
    }

    private static void format(Path dir) throws Exception {
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(quiet)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setMetadataLogDirectory(dir.toString())
                    .addDirectory(dir.toString())
                    .run();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server, Exception cause) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
