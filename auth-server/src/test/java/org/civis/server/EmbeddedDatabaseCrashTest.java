package org.civis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.civis.core.registry.Residents;
import org.civis.core.storage.PostgresServer;
import org.civis.core.storage.embedded.PostmasterLockFile;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on its own embedded PostgreSQL, under a stream of enrollments, while the postmaster
 * is killed (kill -9): every enrollment answered ISSUED is stored, the others are answered 503
 * NOT_READY (never 500) and succeed when sent again, every answered auth request has its record
 * after a clean stop, readiness goes DOWN and comes back, and the server started the postmaster
 * again by itself.
 */
class EmbeddedDatabaseCrashTest {
    private static final int CLIENTS = 2;
    /** "relaxed" shows what this test catches: ISSUED answers whose rows a crash took away. */
    private static final String DURABILITY = System.getProperty("civis.crashTest.durability", "durable");

    @TempDir
    Path dir;

    @Test
    void answeredEnrollmentsAndAuthsSurviveAKilledPostmasterAndRefusedOnesSucceedWhenSentAgain() throws Exception {
        Map<String, String> issued = new ConcurrentHashMap<>(); // registration id -> UIN
        Set<String> answeredAuths = ConcurrentHashMap.newKeySet(); // transaction ids answered 200
        List<JsonObject> refused = new CopyOnWriteArrayList<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean sawReadyDown = new AtomicBoolean();
        Path cluster;

        // A blank CIVIS_DB_URL: the server's own embedded cluster in its data dir, as `./civis serve` runs it.
        try (AuthTestbed bed = new AuthTestbed(Map.of("CIVIS_DB_URL", "", "CIVIS_DB_DURABILITY", DURABILITY))) {
            cluster = bed.dataDir.resolve("postgres");
            TestPartner bank = bed.register("crash-bank", AuthTestbed.policy("DEMO"));
            JsonObject person = Residents.full(1);
            String uin = bed.enroll(person);
            JsonObject factors = new JsonObject()
                    .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));
            long firstPostmaster =
                    PostmasterLockFile.read(cluster).orElseThrow().pid();
            AtomicBoolean streaming = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger(10_000);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS * 2 + 1);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (streaming.get()) {
                        JsonObject request = enrollment(next.getAndIncrement());
                        record(request, bed.admin.post("/v1/enrollments", request), issued, refused, unexpected);
                    }
                    return null;
                });
                clients.submit(() -> {
                    while (streaming.get()) {
                        JsonObject request = bed.request(uin, factors);
                        Reply reply = bed.call(bank, "/v1/auth", request);
                        if (reply.status() == 200) {
                            answeredAuths.add(request.getString("transactionId"));
                        }
                    }
                    return null;
                });
            }
            clients.submit(() -> {
                while (streaming.get()) {
                    if (bed.admin.get("/health/ready").status() != 200) {
                        sawReadyDown.set(true);
                    }
                    Thread.sleep(50);
                }
                return null;
            });

            Thread.sleep(3000);
            int answeredBeforeKill = issued.size();
            new ProcessBuilder("kill", "-9", Long.toString(firstPostmaster))
                    .start()
                    .waitFor();
            Thread.sleep(5000); // through the outage and the restart, still streaming
            streaming.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            awaitReady(bed.admin);

            assertThat(answeredBeforeKill).isPositive();
            assertThat(answeredAuths).isNotEmpty();
            assertThat(unexpected)
                    .as("answers other than ISSUED or 503 NOT_READY")
                    .isEmpty();
            assertThat(refused)
                    .as("requests answered NOT_READY while PostgreSQL was down")
                    .isNotEmpty();
            assertThat(sawReadyDown).isTrue();
            assertThat(PostmasterLockFile.read(cluster).orElseThrow().pid()).isNotEqualTo(firstPostmaster);
            for (JsonObject request : refused) { // the same request, sent again after recovery
                Reply again = bed.admin.post("/v1/enrollments", request);
                assertThat(again.json().getString("status")).as(again.body()).isEqualTo("ISSUED");
                issued.put(request.getString("registrationId"), again.json().getString("uin"));
            }
            assertThat(Files.getPosixFilePermissions(bed.dataDir))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        } // a clean stop: queued auth records are written before PostgreSQL stops

        try (PostgresServer database = PostgresServer.embedded(cluster);
                var c = database.ownerConnection();
                var s = c.createStatement()) {
            Map<String, String> stored = new ConcurrentHashMap<>();
            try (var rs = s.executeQuery("select e.registration_id, e.uin from enrollments e"
                    + " join identities i on i.uin = e.uin where e.status = 'ISSUED'")) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, String> lost = new HashMap<>(issued);
            lost.entrySet().removeIf(e -> e.getValue().equals(stored.get(e.getKey())));
            assertThat(lost)
                    .as("enrollments answered ISSUED (of %d) without their identity", issued.size())
                    .isEmpty();
            Set<String> recorded = new HashSet<>();
            try (var rs =
                    s.executeQuery("select transaction_id from auth_transactions where partner_id = 'crash-bank'")) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                }
            }
            Set<String> unrecorded = new HashSet<>(answeredAuths);
            unrecorded.removeAll(recorded);
            assertThat(unrecorded)
                    .as("answered auths (of %d) without their record", answeredAuths.size())
                    .isEmpty();
        }
    }

    private static void record(
            JsonObject request,
            Reply reply,
            Map<String, String> issued,
            List<JsonObject> refused,
            List<String> unexpected) {
        if (reply.status() == 200 || reply.status() == 201) {
            String status = reply.json().getString("status");
            if ("ISSUED".equals(status)) {
                issued.put(request.getString("registrationId"), reply.json().getString("uin"));
                return;
            }
        } else if (reply.status() == 503 && "NOT_READY".equals(reply.errorCode())) {
            refused.add(request);
            return;
        }
        unexpected.add(reply.status() + " " + reply.body());
    }

    private static JsonObject enrollment(int index) {
        return new JsonObject().put("registrationId", "crash-" + index).put("identity", Residents.full(index));
    }

    private static void awaitReady(HttpClientForTests admin) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (admin.get("/health/ready").status() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready again after the postmaster was killed");
    }
}
