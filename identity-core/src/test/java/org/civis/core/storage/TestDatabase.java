package org.civis.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: {@code CIVIS_TEST_DB_URL} when set, otherwise one embedded server per
 * test JVM. Each caller gets its own freshly migrated database, so test classes never see each
 * other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static PostgresServer server;

    private TestDatabase() {}

    /** A new, migrated database on the shared test server. */
    public static synchronized PostgresServer fresh() {
        String name = "civis_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        PostgresServer shared = server();
        shared.ensureDatabase(name);
        PostgresServer database = shared.withDatabase(name);
        Migrations.apply(database);
        return database;
    }

    private static PostgresServer server() {
        if (server == null) {
            String url = System.getenv("CIVIS_TEST_DB_URL");
            server = url == null || url.isBlank() ? startEmbedded() : PostgresServer.external(url);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        }
        return server;
    }

    private static PostgresServer startEmbedded() {
        try {
            return PostgresServer.embedded(Files.createTempDirectory("civis-test-pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
