package org.civis.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.civis.core.storage.embedded.Durability;
import org.civis.core.storage.embedded.PostgresBinaries;
import org.civis.core.storage.embedded.PostmasterLockFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded cluster as a trust boundary: durable, passwords only, least privilege, private binaries. */
class EmbeddedClusterSecurityTest {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Test
    void theApplicationRoleCannotRemoveAuditTriggersRunProgramsOrReadPasswordHashes() throws Exception {
        PostgresServer database = TestDatabase.fresh();
        assertThat(database.user()).isEqualTo(PostgresServer.APP_ROLE);
        try (Connection app = database.connection()) {
            assertRefused(app, "alter table audit_log disable trigger user");
            assertRefused(app, "alter table audit_log disable trigger audit_log_no_update_or_delete");
            assertRefused(app, "drop trigger audit_log_no_update_or_delete on audit_log");
            assertRefused(app, "drop table audit_log");
            assertRefused(app, "update audit_log set actor = 'x'");
            assertRefused(app, "copy (select 1) to program 'true'");
            assertRefused(app, "select rolpassword from pg_authid");
            try (var s = app.createStatement()) {
                s.execute("insert into audit_pending (at, actor, action, subject, details)"
                        + " values (now(), 'a', 'b', 'c', 'd')"); // its own work still works
            }
        }
    }

    @Test
    void aFreshClusterIsDurableAsksForPasswordsOverTcpOnlyAndHasNoSocketInTmp(@TempDir Path dir) throws Exception {
        Path cluster = dir.resolve("postgres");
        try (PostgresServer server = PostgresServer.embedded(cluster)) {
            try (Connection owner = server.ownerConnection()) {
                assertThat(show(owner, "fsync")).isEqualTo("on");
                assertThat(show(owner, "synchronous_commit")).isEqualTo("on");
                assertThat(show(owner, "full_page_writes")).isEqualTo("on");
                assertThat(show(owner, "unix_socket_directories")).isEmpty();
                assertThat(show(owner, "listen_addresses")).isEqualTo("127.0.0.1");
            }
            assertThat(Files.readString(cluster.resolve("postmaster.opts"))).doesNotContain("-F");
            assertThat(Files.readString(cluster.resolve("pg_hba.conf")))
                    .doesNotContainPattern("(?m)^[^#].*\\btrust\\b")
                    .doesNotContainPattern("(?m)^local");
            int port = server.connectOptions().getPort();
            assertThat(Path.of("/tmp", ".s.PGSQL." + port)).doesNotExist();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/civis";
            for (String user : new String[] {"postgres", PostgresServer.APP_ROLE}) {
                assertThatThrownBy(() -> DriverManager.getConnection(url, user, ""))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> DriverManager.getConnection(url, user, "wrong"))
                        .isInstanceOf(SQLException.class);
            }
            for (String secret : new String[] {"postgres-owner.password", "postgres-app.password"}) {
                assertThat(Files.getPosixFilePermissions(dir.resolve(secret)))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
            assertThat(Files.getPosixFilePermissions(cluster)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void relaxedModeOnlyTurnsOffSynchronousCommit(@TempDir Path dir) throws Exception {
        try (PostgresServer server = PostgresServer.embedded(dir.resolve("postgres"), Durability.RELAXED);
                Connection owner = server.ownerConnection()) {
            assertThat(show(owner, "synchronous_commit")).isEqualTo("off");
            assertThat(show(owner, "fsync")).isEqualTo("on");
            assertThat(show(owner, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aClusterMadeByTheOldTrustingVersionIsUpgradedInPlaceWithItsData(@TempDir Path dir) throws Exception {
        Path cluster = dir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(cluster)
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = old.getPostgresDatabase().getConnection();
                var s = c.createStatement()) {
            s.execute("create table kept (v text); insert into kept values ('still here')");
        }
        assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).containsPattern("(?m)^[^#].*trust");

        try (PostgresServer upgraded = PostgresServer.embedded(cluster);
                Connection owner = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:"
                                + upgraded.connectOptions().getPort() + "/postgres",
                        "postgres",
                        upgraded.ownerPassword());
                var s = owner.createStatement();
                var rs = s.executeQuery("select v from kept")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(Files.readString(cluster.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*trust");
            assertThatThrownBy(() -> DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:"
                                    + upgraded.connectOptions().getPort() + "/postgres",
                            "postgres",
                            ""))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theServerStartsItsPostmasterAgainAfterKillNine(@TempDir Path dir) throws Exception {
        Path cluster = dir.resolve("postgres");
        try (PostgresServer server = PostgresServer.embedded(cluster)) {
            long first = PostmasterLockFile.read(cluster).orElseThrow().pid();
            new ProcessBuilder("kill", "-9", Long.toString(first)).start().waitFor();
            long deadline = System.nanoTime() + 120_000_000_000L;
            Optional<String> answer = Optional.empty();
            while (answer.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(250);
                try (Connection c = server.connection();
                        var s = c.createStatement();
                        var rs = s.executeQuery("select 'up'")) {
                    rs.next();
                    answer = Optional.of(rs.getString(1));
                } catch (SQLException stillDown) {
                    // the watch restarts it within seconds
                }
            }
            assertThat(answer).contains("up");
            assertThat(PostmasterLockFile.read(cluster).orElseThrow().pid()).isNotEqualTo(first);
        }
    }

    @Test
    void binariesThatOthersCanWriteAreRefused(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("cache");
        Path home = PostgresBinaries.in(cache).prepare();
        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

        Files.setPosixFilePermissions(home.resolve("bin"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PostgresBinaries.in(cache).prepare())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to run PostgreSQL binaries")
                .hasMessageContaining("writable by its group or by other accounts");

        Files.setPosixFilePermissions(home.resolve("bin"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(home.resolve("bin/pg_ctl"), PosixFilePermissions.fromString("rwxrw----"));
        assertThatThrownBy(() -> PostgresBinaries.in(cache).prepare()).hasMessageContaining("pg_ctl");

        Files.setPosixFilePermissions(home.resolve("bin/pg_ctl"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> PostgresBinaries.in(cache).prepare()).hasMessageContaining("parent directory");
    }

    @Test
    void theDefaultBinariesAreInAPrivateDirectoryOutsideTmp() throws Exception {
        Path home = PostgresBinaries.inUserCache().prepare();
        assertThat(home.toAbsolutePath().toString())
                .doesNotStartWith(Path.of(System.getProperty("java.io.tmpdir"))
                        .toAbsolutePath()
                        .toString())
                .doesNotStartWith("/tmp");
        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(home.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    private static void assertRefused(Connection c, String sql) {
        assertThatThrownBy(() -> {
                    try (var s = c.createStatement()) {
                        s.execute(sql);
                    }
                })
                .as(sql)
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
