package org.civis.perf.report;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.civis.core.storage.PostgresServer;

/**
 * How many auth_transactions rows a run left: those of its transaction-id prefix. Reads the
 * database of a data directory with the server stopped (its last records are written on a clean
 * stop), starting the embedded PostgreSQL for the count, or {@code CIVIS_DB_URL} when set.
 */
public final class RecordedTransactions {
    private RecordedTransactions() {}

    public static long count(Path dataDir, String transactionPrefix) {
        String url = System.getenv("CIVIS_DB_URL");
        try (PostgresServer postgres = url != null && !url.isBlank()
                ? PostgresServer.external(url)
                : PostgresServer.embedded(dataDir.resolve("postgres"))) {
            return count(postgres, transactionPrefix);
        }
    }

    /** The rows of one partner, whatever their transaction ids (an OpenID client's sign-in steps). */
    public static long countForPartner(Path dataDir, String partnerId) {
        String url = System.getenv("CIVIS_DB_URL");
        try (PostgresServer postgres = url != null && !url.isBlank()
                        ? PostgresServer.external(url)
                        : PostgresServer.embedded(dataDir.resolve("postgres"));
                var c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                var s = c.prepareStatement("select count(*) from auth_transactions where partner_id = ?")) {
            s.setString(1, partnerId);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the client's auth transactions", e);
        }
    }

    public static long count(PostgresServer postgres, String transactionPrefix) {
        try (var c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                var s = c.prepareStatement("select count(*) from auth_transactions where partner_id = 'perf-bank'"
                        + " and starts_with(transaction_id, ?)")) {
            s.setString(1, transactionPrefix);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the run's auth transactions", e);
        }
    }
}
