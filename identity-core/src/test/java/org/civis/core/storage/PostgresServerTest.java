package org.civis.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Test
    void embeddedClusterKeepsItsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Path cluster = dir.resolve("postgres");
        try (PostgresServer first = PostgresServer.embedded(cluster)) {
            assertThat(first.startedHere()).isTrue();
            execute(first, "create table kept (v text); insert into kept values ('still here')");
        }
        try (PostgresServer second = PostgresServer.embedded(cluster)) {
            assertThat(queryOne(second, "select v from kept")).isEqualTo("still here");
        }
    }

    @Test
    void aSecondCallerAttachesToTheRunningClusterInsteadOfStartingAnother(@TempDir Path dir) throws Exception {
        Path cluster = dir.resolve("postgres");
        try (PostgresServer owner = PostgresServer.embedded(cluster)) {
            PostgresServer attached = PostgresServer.embedded(cluster);
            assertThat(attached.startedHere()).isFalse();
            assertThat(attached.connectOptions().getPort())
                    .isEqualTo(owner.connectOptions().getPort());
            attached.close(); // must not stop the owner's server
            assertThat(queryOne(owner, "select 'up'")).isEqualTo("up");
        }
    }

    @Test
    void migrationsCreateTheRegistryTablesOnce() throws Exception {
        PostgresServer database = TestDatabase.fresh();
        assertThat(queryOne(database, "select count(*) from information_schema.tables where table_name = 'identities'"))
                .isEqualTo("1");
        assertThat(Migrations.apply(database)).isZero();
    }

    @Test
    void externalUrlIsParsedIntoConnectOptions() {
        PostgresServer external = PostgresServer.external("postgresql://civis:s3cret@db.internal:6543/registry");
        assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/registry");
        assertThat(external.user()).isEqualTo("civis");
        assertThat(external.password()).isEqualTo("s3cret");
        assertThat(external.startedHere()).isFalse();
    }

    static void execute(PostgresServer server, String sql) throws Exception {
        try (var c = server.ownerConnection();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String queryOne(PostgresServer server, String sql) throws Exception {
        try (var c = server.ownerConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
