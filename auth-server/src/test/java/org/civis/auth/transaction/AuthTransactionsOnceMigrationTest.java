package org.civis.auth.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.civis.core.storage.PostgresServer;
import org.civis.core.storage.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V6 makes (partner, kind, transaction id) unique on a database that already holds replays
 * admitted before it: the migration succeeds, keeps every row, and marks the later copies.
 */
class AuthTransactionsOnceMigrationTest {
    private static final String ROW = "insert into auth_transactions (at, partner_id, transaction_id, kind,"
            + " auth_types, success, errors) values (now(), ?, ?, ?, '{DEMO}', true, '{}')";

    @Test
    void v6AppliesOverEarlierReplaysAndRefusesNewOnes() throws Exception {
        PostgresServer server = TestDatabase.fresh();
        String name = "civis_v6_" + UUID.randomUUID().toString().replace("-", "");
        server.ensureDatabase(name);
        PostgresServer database = server.withDatabase(name);
        migrate(database, "5");
        // Rows are written as the owner: before V6 no grants for the server's role exist yet.
        try (Connection c = database.ownerConnection()) {
            insert(c, "bank", "t-1", "AUTH");
            insert(c, "bank", "t-1", "AUTH"); // a replay admitted after a restart, before V6
            insert(c, "bank", "t-1", "KYC");
            insert(c, "resident", "portal-1", "RESIDENT");
            insert(c, "resident", "portal-1", "RESIDENT");

            migrate(database, "latest");

            try (var rs = c.createStatement()
                    .executeQuery(
                            "select count(*), count(*) filter (where replayed_before_v6) from auth_transactions")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
            assertThatThrownBy(() -> insert(c, "bank", "t-1", "AUTH"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("auth_transactions_once");
            insert(c, "resident", "portal-1", "RESIDENT");
        }
    }

    private static void migrate(PostgresServer database, String target) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static void insert(Connection c, String partner, String transaction, String kind) throws SQLException {
        try (var s = c.prepareStatement(ROW)) {
            s.setString(1, partner);
            s.setString(2, transaction);
            s.setString(3, kind);
            s.executeUpdate();
        }
    }
}
