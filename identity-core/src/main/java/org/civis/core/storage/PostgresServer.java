package org.civis.core.storage;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civis.core.storage.embedded.ClusterSecrets;
import org.civis.core.storage.embedded.Durability;
import org.civis.core.storage.embedded.EmbeddedCluster;
import org.civis.core.storage.embedded.PostmasterLockFile;
import org.civis.core.storage.embedded.PostmasterWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the registry's PostgreSQL is: an external server named by a URL, or an embedded server
 * kept under the data directory for trying the platform out and for tests.
 *
 * <p>Two roles: the owner, which owns the schema and runs migrations, and the application role,
 * which the server's pool uses and which may only read and write rows (it cannot drop or disable
 * the audit triggers, run programs, or read password hashes). The embedded server has both
 * ({@code postgres} and {@value #APP_ROLE}); an external URL names one user, used for both.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    static final String EMBEDDED_DATABASE = "civis";
    /** The embedded cluster's application role. */
    public static final String APP_ROLE = "civis_app";

    /** How long the JVM's exit waits for an owner that stops the server itself (see {@link #stoppedByOwnerAtExit}). */
    private static final long OWNER_GRACE_SECONDS = 60;

    private final PgConnectOptions options;
    private final PgConnectOptions owner;
    private final boolean separateAppRole;
    private final EmbeddedCluster startedHere;
    private final PostmasterWatch watch;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile boolean ownerStopsAtExit;
    private final Thread exitHook;

    private PostgresServer(
            PgConnectOptions options,
            PgConnectOptions owner,
            boolean separateAppRole,
            EmbeddedCluster startedHere,
            PostmasterWatch watch) {
        this.options = options;
        this.owner = owner;
        this.separateAppRole = separateAppRole;
        this.startedHere = startedHere;
        this.watch = watch;
        this.exitHook = startedHere == null ? null : new Thread(this::stopAtExit, "civis-postgres-stop");
        if (exitHook != null) {
            Runtime.getRuntime().addShutdownHook(exitHook);
        }
    }

    /** An external server, from a URL such as {@code postgresql://user:secret@db.example:5432/civis}. */
    public static PostgresServer external(String url) {
        String uri = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        return new PostgresServer(options, options, false, null, null);
    }

    /** The embedded server in {@code clusterDir}, durable (see {@link #embedded(Path, Durability)}). */
    public static PostgresServer embedded(Path clusterDir) {
        return embedded(clusterDir, Durability.DURABLE);
    }

    /**
     * The embedded server whose cluster lives in {@code clusterDir}. If a server is already running
     * on that directory (the platform is up and this is a CLI command), it is used as it is: a second
     * postmaster on the same directory would be refused.
     */
    public static PostgresServer embedded(Path clusterDir, Durability durability) {
        ClusterSecrets secrets = new ClusterSecrets(clusterDir);
        Optional<PostmasterLockFile> running =
                PostmasterLockFile.read(clusterDir).filter(PostmasterLockFile::alive);
        if (running.isPresent()) {
            int port = running.get().port();
            PgConnectOptions owner = localOptions(
                    port,
                    EMBEDDED_DATABASE,
                    EmbeddedCluster.OWNER,
                    secrets.owner().orElse(""));
            return secrets.app()
                    .map(app -> new PostgresServer(
                            localOptions(port, EMBEDDED_DATABASE, APP_ROLE, app), owner, true, null, null))
                    .orElseGet(() -> new PostgresServer(owner, owner, false, null, null));
        }
        EmbeddedCluster cluster = EmbeddedCluster.prepare(clusterDir, durability);
        int port = freePort();
        cluster.start(port);
        if (durability != Durability.DURABLE) {
            LOG.warn(
                    "CIVIS_DB_DURABILITY={}: the embedded PostgreSQL answers commits before they reach the disk;"
                            + " a crash can lose the last moments of answered writes. For seeding and benchmarks only.",
                    durability.settingName());
        }
        PgConnectOptions owner = localOptions(
                port, EMBEDDED_DATABASE, EmbeddedCluster.OWNER, secrets.owner().orElseThrow());
        String appPassword = secrets.appOrCreate();
        PostgresServer server = new PostgresServer(
                localOptions(port, EMBEDDED_DATABASE, APP_ROLE, appPassword),
                owner,
                true,
                cluster,
                new PostmasterWatch(cluster, port));
        try {
            server.ensureAppRole(appPassword);
            server.ensureDatabase(EMBEDDED_DATABASE);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
        }
    }

    static PgConnectOptions localOptions(int port, String database, String user, String password) {
        return new PgConnectOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setDatabase(database)
                .setUser(user)
                .setPassword(password);
    }

    /**
     * The application role exists with the current password and no power beyond logging in; its
     * table rights are granted by {@link Migrations#apply} once the tables exist.
     */
    private void ensureAppRole(String password) {
        String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT";
        try (Connection c = ownerConnection("postgres");
                var exists = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, APP_ROLE);
            boolean present = exists.executeQuery().next();
            try (var statement = c.createStatement()) {
                // The password is URL-safe base64 (ClusterSecrets): it cannot close the literal.
                statement.execute((present ? "alter role " : "create role ") + APP_ROLE + attributes + " password '"
                        + password + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the application role", e);
        }
    }

    /** Creates a database on this server unless it exists (as the owner). */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a plain lower-case identifier");
        }
        try (Connection c = ownerConnection("postgres");
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
        return new PostgresServer(
                new PgConnectOptions(options).setDatabase(database),
                new PgConnectOptions(owner).setDatabase(database),
                separateAppRole,
                null,
                null);
    }

    /** Options for the reactive client, as the application role. */
    public PgConnectOptions connectOptions() {
        return new PgConnectOptions(options);
    }

    /** A reactive connection pool on this server, as the application role. */
    public Pool pool(Vertx vertx, int maxSize) {
        return PgBuilder.pool()
                // The name labels the pool's metrics (use, wait), where there is a metrics registry.
                .with(new PoolOptions().setMaxSize(maxSize).setName("civis-db"))
                .connectingTo(connectOptions())
                .using(vertx)
                .build();
    }

    /** The same server as a JDBC URL, for the migration tool. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    }

    /** The application role's name. */
    public String user() {
        return options.getUser();
    }

    /** The application role's password. */
    public String password() {
        return options.getPassword() == null ? "" : options.getPassword();
    }

    /** The role that owns the schema: the embedded superuser, or the URL's user. */
    public String ownerUser() {
        return owner.getUser();
    }

    public String ownerPassword() {
        return owner.getPassword() == null ? "" : owner.getPassword();
    }

    /** True when the pool's role is not the owner, so migrations grant it the rows it may touch. */
    public boolean hasSeparateAppRole() {
        return separateAppRole;
    }

    /** A JDBC connection to this database as the application role. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** A JDBC connection to this database as the owner (migrations, tests that play an intruder). */
    public Connection ownerConnection() throws SQLException {
        return ownerConnection(owner.getDatabase());
    }

    private Connection ownerConnection(String database) throws SQLException {
        String url = "jdbc:postgresql://" + owner.getHost() + ":" + owner.getPort() + "/" + database;
        return DriverManager.getConnection(url, ownerUser(), ownerPassword());
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
            watch.close(); // a stop on purpose is not a crash to recover from
            startedHere.stop();
        } catch (RuntimeException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            closedLatch.countDown();
        }
    }
}
