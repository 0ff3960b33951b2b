package org.civis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.civis.core.uin.Verhoeff;
import org.civis.server.HttpClientForTests.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher on its embedded defaults, as a newcomer runs it: serve, enroll, restart on
 * the same data directory, and check the audit chain with the CLI before and after tampering.
 */
class ServeEndToEndIT {
    private static final Path JAR = Path.of("target", "civis-server.jar");

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFreshServerIssuesUinsKeepsThemAcrossARestartAndItsAuditChainCatchesAnEdit() throws Exception {
        Map<String, String> env = environment(work.resolve("civis-data"));
        Process server = serve(env, "first");
        // As the README does: a registrar's token from the development issuer serve created.
        HttpClientForTests anonymous = new HttpClientForTests("http://127.0.0.1:" + env.get("CIVIS_ADMIN_PORT"));
        HttpClientForTests registrar =
                anonymous.withHeader("Authorization", "Bearer " + operatorToken(env, "registrar"));
        HttpClientForTests admin = registrar;
        assertThat(anonymous
                        .post("/v1/enrollments", enrollment("e2e-anonymous", "Nobody"))
                        .status())
                .isEqualTo(401);

        List<String> uins = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Reply reply = admin.post("/v1/enrollments", enrollment("e2e-" + i, "Grace Wanjiku Mwangi " + i));
            assertThat(reply.json().getString("status")).isEqualTo("ISSUED");
            uins.add(reply.json().getString("uin"));
        }
        assertThat(uins).allMatch(Verhoeff::isValid).doesNotHaveDuplicates();
        assertThat(admin.post("/v1/enrollments", enrollment("e2e-0", "Grace Wanjiku Mwangi 0"))
                        .json()
                        .getString("uin"))
                .isEqualTo(uins.get(0));
        assertThat(admin.post("/v1/enrollments", enrollment("e2e-dup", "GRACE  wanjiku mwangí 1"))
                        .json()
                        .getString("status"))
                .isEqualTo("DUPLICATE_SUSPECTED");
        assertThat(Files.getPosixFilePermissions(work.resolve("civis-data/keystore.p12")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        CliRun intact = cli(env, "audit", "verify"); // attaches to the running server's PostgreSQL
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("audit log intact: 4 entries");

        stop(server);
        // A clean stop: the last audit entries and auth records are written before PostgreSQL stops.
        assertThat(Files.readString(work.resolve("serve-first.log"), StandardCharsets.UTF_8))
                .contains("development only") // the WARN that the operator issuer is the local one
                .doesNotContain("did not stop cleanly")
                .doesNotContain("ClosedConnectionException");
        serve(env, "second");
        admin = anonymous.withHeader("Authorization", "Bearer " + operatorToken(env, "identity-admin"));
        for (String uin : uins) {
            Reply read = admin.get("/v1/identities/" + uin);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json()
                            .getJsonObject("identity")
                            .getJsonObject("fullName")
                            .getString("eng"))
                    .startsWith("Grace Wanjiku Mwangi");
        }

        editAuditRowInSql(work.resolve("civis-data/postgres"), 2);
        CliRun broken = cli(env, "audit", "verify");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output()).contains("BROKEN at entry seq=2").contains("HASH_MISMATCH");
    }

    /** {@code civis operator-token --role role}: the token is the last line (logs go to stderr, merged here). */
    private String operatorToken(Map<String, String> env, String role) throws IOException, InterruptedException {
        CliRun run = cli(env, "operator-token", "--role", role);
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> lines = run.output().strip().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    private Map<String, String> environment(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("CIVIS_DATA_DIR", dataDir.toString());
        env.put("CIVIS_PUBLIC_PORT", String.valueOf(TestServers.freePort()));
        env.put("CIVIS_ADMIN_PORT", String.valueOf(TestServers.freePort()));
        env.put("CIVIS_HZ_PORT", String.valueOf(TestServers.freePort()));
        env.put("CIVIS_HZ_CLUSTER_NAME", "e2e-" + UUID.randomUUID());
        return env;
    }

    private Process serve(Map<String, String> env, String name) throws IOException, InterruptedException {
        Path log = work.resolve("serve-" + name + ".log");
        ProcessBuilder builder = java(env, "serve").redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        started.add(process);
        return ServerProcesses.awaitUp(process, log);
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy(); // SIGTERM: the shutdown hook stops listeners, Hazelcast and PostgreSQL in order
        assertThat(server.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }

    private CliRun cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = work.resolve("cli-" + UUID.randomUUID() + ".log");
        Process process = java(env, args)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new CliRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static ProcessBuilder java(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("CIVIS_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** What someone with the database owner's password might do (the application role cannot). */
    private static void editAuditRowInSql(Path cluster, int seq) throws Exception {
        int port = Integer.parseInt(
                Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).trim());
        String ownerPassword = Files.readString(cluster.resolveSibling("postgres-owner.password"))
                .strip();
        try (var c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/civis", "postgres", ownerPassword);
                var s = c.createStatement()) {
            s.execute("alter table audit_log disable trigger user");
            s.execute("update audit_log set actor = 'someone-else' where seq = " + seq);
            s.execute("alter table audit_log enable trigger user");
        }
    }

    private static JsonObject enrollment(String registrationId, String name) {
        return new JsonObject()
                .put("registrationId", registrationId)
                .put(
                        "identity",
                        new JsonObject()
                                .put("fullName", new JsonObject().put("eng", name))
                                .put("dateOfBirth", "1993-09-21")
                                .put("gender", "female"));
    }

    private record CliRun(int exitCode, String output) {}
}
