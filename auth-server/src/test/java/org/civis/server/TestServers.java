package org.civis.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.civis.core.storage.PostgresServer;
import org.civis.core.storage.TestDatabase;
import org.civis.server.config.CivisConfig;
import org.civis.server.operator.TestOperators;

/** Starts real servers for tests: own data dir, own database, own free ports, own Hazelcast cluster. */
public final class TestServers {
    private TestServers() {}

    /** Settings for a server on a fresh test database; add or override entries before loading. */
    public static Map<String, String> environment(Path dataDir) {
        PostgresServer database = TestDatabase.fresh();
        Map<String, String> env = new HashMap<>();
        env.put("CIVIS_DATA_DIR", dataDir.toString());
        env.put(
                "CIVIS_DB_URL",
                "postgresql://" + database.user() + ":" + database.password() + "@127.0.0.1:"
                        + database.connectOptions().getPort() + "/"
                        + database.connectOptions().getDatabase());
        env.put("CIVIS_PUBLIC_PORT", String.valueOf(freePort()));
        env.put("CIVIS_ADMIN_PORT", String.valueOf(freePort()));
        env.put("CIVIS_HZ_PORT", String.valueOf(freePort()));
        env.put("CIVIS_HZ_CLUSTER_NAME", "test-" + UUID.randomUUID());
        env.put("CIVIS_HTTP_INSTANCES", "2");
        env.put("CIVIS_DB_POOL_SIZE", "8");
        return env;
    }

    /**
     * A client of {@code server}'s admin API that sends an operator token holding every role, so
     * tests about something else than access reach the operations as before.
     */
    public static HttpClientForTests adminClient(CivisServer server) {
        return adminClient(server.config());
    }

    /** As {@link #adminClient(CivisServer)}, for a server started from {@code config} (perhaps in another process). */
    public static HttpClientForTests adminClient(CivisConfig config) {
        return new HttpClientForTests("http://127.0.0.1:" + config.adminPort())
                .withHeader("Authorization", "Bearer " + operatorToken(config));
    }

    /** As {@link #adminClient(CivisServer)}, for a server started in another process on {@code environment}. */
    public static HttpClientForTests adminClient(Map<String, String> environment) {
        String token = TestOperators.allRoles(
                Path.of(environment.get("CIVIS_DATA_DIR")),
                Optional.ofNullable(environment.get("CIVIS_KEYSTORE_PASSWORD")));
        return new HttpClientForTests("http://127.0.0.1:" + environment.get("CIVIS_ADMIN_PORT"))
                .withHeader("Authorization", "Bearer " + token);
    }

    /** An operator token with every role, signed by the development issuer in {@code config}'s data directory. */
    public static String operatorToken(CivisConfig config) {
        return TestOperators.allRoles(config.dataDir(), config.keystorePassword());
    }

    /** A JDBC connection as the server's own role, from the {@code CIVIS_DB_URL} the settings name. */
    public static Connection databaseConnection(Map<String, String> environment) throws SQLException {
        URI database = URI.create(environment.get("CIVIS_DB_URL"));
        String[] credentials = database.getUserInfo().split(":", 2);
        String jdbcUrl = "jdbc:postgresql://" + database.getHost() + ":" + database.getPort() + database.getPath();
        return DriverManager.getConnection(jdbcUrl, credentials[0], credentials.length > 1 ? credentials[1] : "");
    }

    /**
     * A port that was free a moment ago, below Linux's ephemeral range (32768 and up). A port the
     * kernel hands out for port 0 can be handed out again, before the server binds it, as the local
     * port of any outgoing connection or to the embedded PostgreSQL, which picks its own: the
     * server then fails to start. Ports from this JVM's own sequence in 20000..32767 are never
     * handed out that way.
     */
    public static int freePort() {
        for (int tries = 0; tries < LOW_PORTS; tries++) {
            int port = LOW_PORT_BASE + Math.floorMod(NEXT_LOW_PORT.getAndIncrement(), LOW_PORTS);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("0.0.0.0", port));
                return port;
            } catch (IOException taken) {
                // another process holds it: the next one
            }
        }
        throw new UncheckedIOException(
                new IOException("no free port in " + LOW_PORT_BASE + ".." + (LOW_PORT_BASE + LOW_PORTS)));
    }

    private static final int LOW_PORT_BASE = 20_000;
    private static final int LOW_PORTS = 12_768;
    /** A random start, so that test JVMs running side by side (a server in a child process) rarely meet. */
    private static final AtomicInteger NEXT_LOW_PORT = new AtomicInteger(new SecureRandom().nextInt(LOW_PORTS));
}
