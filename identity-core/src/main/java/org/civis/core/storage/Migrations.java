package org.civis.core.storage;

import org.flywaydb.core.Flyway;

/** Brings the registry schema up to date at start, from the versioned SQL under db/migration. */
public final class Migrations {
    private Migrations() {}

    /** Applies pending migrations and returns how many ran. */
    public static int apply(PostgresServer server) {
        Flyway flyway = Flyway.configure()
                .dataSource(server.jdbcUrl(), server.user(), server.password())
                .locations("classpath:db/migration")
                .load();
        return flyway.migrate().migrationsExecuted;
    }
}
