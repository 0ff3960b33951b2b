package org.civis.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.civis.core.storage.PostgresServer;
import org.civis.core.storage.TestDatabase;

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

    /** A JDBC connection as the server's own role, from the {@code CIVIS_DB_URL} the settings name. */
    public static Connection databaseConnection(Map<String, String> environment) throws SQLException {
        URI database = URI.create(environment.get("CIVIS_DB_URL"));
        String[] credentials = database.getUserInfo().split(":", 2);
        String jdbcUrl = "jdbc:postgresql://" + database.getHost() + ":" + database.getPort() + database.getPath();
        return DriverManager.getConnection(jdbcUrl, credentials[0], credentials.length > 1 ? credentials[1] : "");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
