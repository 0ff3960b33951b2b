package org.civis.core.storage;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the registry's PostgreSQL is: an external server named by a URL, or an embedded server
 * kept under the data directory for trying the platform out and for tests.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    static final String EMBEDDED_DATABASE = "civis";
    private static final String EMBEDDED_USER = "postgres";

    /** How long the JVM's exit waits for an owner that stops the server itself (see {@link #stoppedByOwnerAtExit}). */
    private static final long OWNER_GRACE_SECONDS = 60;

    private final PgConnectOptions options;
    private final EmbeddedPostgres startedHere;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile boolean ownerStopsAtExit;
    private final Thread exitHook;

    private PostgresServer(PgConnectOptions options, EmbeddedPostgres startedHere) {
        this.options = options;
        this.startedHere = startedHere;
        this.exitHook = startedHere == null ? null : new Thread(this::stopAtExit, "civis-postgres-stop");
        if (exitHook != null) {
            Runtime.getRuntime().addShutdownHook(exitHook);
        }
    }

    /** An external server, from a URL such as {@code postgresql://user:secret@db.example:5432/civis}. */
    public static PostgresServer external(String url) {
        String uri = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        return new PostgresServer(PgConnectOptions.fromUri(uri), null);
    }

    /**
     * The embedded server whose cluster lives in {@code clusterDir}. If a server is already running
     * on that directory (the platform is up and this is a CLI command), it is used as it is: a second
     * postmaster on the same directory would be refused.
     */
    public static PostgresServer embedded(Path clusterDir) {
        Optional<Integer> runningPort = RunningPostmaster.port(clusterDir);
        if (runningPort.isPresent()) {
            return new PostgresServer(localOptions(runningPort.get(), EMBEDDED_DATABASE), null);
        }
        EmbeddedPostgres postgres = start(clusterDir);
        PostgresServer server = new PostgresServer(localOptions(postgres.getPort(), EMBEDDED_DATABASE), postgres);
        server.ensureDatabase(EMBEDDED_DATABASE);
        return server;
    }

    private static EmbeddedPostgres start(Path clusterDir) {
        try {
            Files.createDirectories(clusterDir);
            // Not cleaned on start: the cluster is the system of record and must survive restarts.
            return EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The JVM runs shutdown hooks all at once: zonky's own hook would stop PostgreSQL
                    // while the server's hook is still writing its last records. Ours waits (stopAtExit).
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + clusterDir, e);
        }
    }

    static PgConnectOptions localOptions(int port, String database) {
        return new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setDatabase(database)
                .setUser(EMBEDDED_USER)
                .setPassword("");
    }

    /** Creates a database on this server unless it exists (needs the CREATEDB privilege). */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a plain lower-case identifier");
        }
        String url = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, user(), password());
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + database);
                }
                LOG.info("created database {}", database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + database, e);
        }
    }

    /** The same server, another database on it; the returned view never stops the server. */
    public PostgresServer withDatabase(String database) {
        return new PostgresServer(new PgConnectOptions(options).setDatabase(database), null);
    }

    /** Options for the reactive client. */
    public PgConnectOptions connectOptions() {
        return new PgConnectOptions(options);
    }

    /** A reactive connection pool on this server. */
    public Pool pool(Vertx vertx, int maxSize) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(maxSize))
                .connectingTo(connectOptions())
                .using(vertx)
                .build();
    }

    /** The same server as a JDBC URL, for the migration tool. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    }

    public String user() {
        return options.getUser();
    }

    public String password() {
        return options.getPassword() == null ? "" : options.getPassword();
    }

    /** True when this process started the server and so owns its shutdown. */
    public boolean startedHere() {
        return startedHere != null;
    }

    /**
     * Says that the owner stops this server in its own shutdown hook, after its last writes (the
     * platform's server does: listeners, then queued auth records and audit chaining, then
     * PostgreSQL). At JVM exit this server then waits for that, up to a minute, before stopping by
     * itself. Without it, the exit stops an embedded server at once.
     */
    public void stoppedByOwnerAtExit() {
        ownerStopsAtExit = true;
    }

    private void stopAtExit() {
        if (ownerStopsAtExit) {
            try {
                closedLatch.await(OWNER_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stop();
    }

    @Override
    public void close() {
        if (exitHook != null && Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting: the hook is running or about to, and finds the server stopped
            }
        }
        stop();
    }

    private void stop() {
        if (startedHere == null || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            startedHere.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        } finally {
            closedLatch.countDown();
        }
    }

    /** Reads PostgreSQL's own lock file, whose fourth line is the port the postmaster listens on. */
    static final class RunningPostmaster {
        private RunningPostmaster() {}

        static Optional<Integer> port(Path clusterDir) {
            Path pidFile = clusterDir.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            try {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                long pid = Long.parseLong(lines.get(0).trim());
                boolean alive =
                        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                return alive && lines.size() > 3
                        ? Optional.of(Integer.parseInt(lines.get(3).trim()))
                        : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty(); // a stale or half-written lock file: start normally
            }
        }
    }
}
