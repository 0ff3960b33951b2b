package org.civis.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.civis.core.storage.embedded.Durability;

/**
 * Real PostgreSQL for tests: {@code CIVIS_TEST_DB_URL} when set, otherwise one embedded server per
 * test JVM. Each caller gets its own freshly migrated database, so test classes never see each
 * other's rows. The returned server connects as the application role ({@code connection()},
 * {@code pool(..)}); {@code ownerConnection()} is the schema owner, for tests that play an intruder.
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
            if (url == null || url.isBlank()) {
                Path dir = newTemporaryDirectory();
                // The cluster's password files go beside it, inside this private temporary directory.
                Path cluster = dir.resolve("postgres");
                // Throwaway data: commits need not wait for the disk (the crash tests run their own durable cluster).
                server = PostgresServer.embedded(cluster, Durability.RELAXED);
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    server.close();
                                    deleteQuietly(dir);
                                },
                                "test-postgres-stop"));
            } else {
                server = PostgresServer.external(url);
            }
        }
        return server;
    }

    private static Path newTemporaryDirectory() {
        try {
            return Files.createTempDirectory("civis-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The throwaway cluster goes when the test JVM does; a failure here only leaves a temp dir behind. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // nothing to do: the operating system cleans its temp folder
        }
    }
}
