package org.civis.core.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * Brings the registry schema up to date at start, from the versioned SQL under db/migration, as
 * the owner; then grants the application role (when there is a separate one) the rows it may
 * touch, again at every start so that tables from later migrations are covered.
 */
public final class Migrations {
    private Migrations() {}

    /** Applies pending migrations and returns how many ran. */
    public static int apply(PostgresServer server) {
        Flyway flyway = Flyway.configure()
                .dataSource(server.jdbcUrl(), server.ownerUser(), server.ownerPassword())
                .locations("classpath:db/migration")
                .load();
        int executed = flyway.migrate().migrationsExecuted;
        if (server.hasSeparateAppRole()) {
            grant(server);
        }
        return executed;
    }

    /**
     * Rows, not structure: the role owns nothing, so it cannot alter, drop or disable triggers on
     * any table; audit_log is insert and read only (the append-only triggers are the second guard);
     * the migration history is read only.
     */
    private static void grant(PostgresServer server) {
        String role = server.user();
        try (Connection c = server.ownerConnection();
                var s = c.createStatement()) {
            s.execute("grant usage on schema public to " + role);
            s.execute("grant select, insert, update, delete on all tables in schema public to " + role);
            s.execute("grant usage, select on all sequences in schema public to " + role);
            s.execute("revoke update, delete, truncate on audit_log from " + role);
            s.execute("revoke insert, update, delete, truncate on flyway_schema_history from " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the application role its rights", e);
        }
    }
}
