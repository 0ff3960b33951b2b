package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.ServerProcesses;
import org.civis.server.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed with SIGKILL under a stream of signed authentications: every request
 * that was answered has its record afterwards, and the last one answered, sent again to the
 * restarted server within its time window, is refused as a replay.
 */
class KilledServerRecordsTest {
    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private record Answered(String transactionId, String jws) {}

    @Test
    void everyAnsweredAuthenticationIsRecordedAfterAKillAndItsReplayIsRefused() throws Exception {
        Map<String, String> env = TestServers.environment(work.resolve("civis-data"));
        Process server = serve(env, "first");
        HttpClientForTests admin = TestServers.adminClient(env);
        HttpClientForTests publicApi = new HttpClientForTests("http://127.0.0.1:" + env.get("CIVIS_PUBLIC_PORT"));
        TestPartner bank = TestPartner.create("killed-bank", false);
        Reply registered = admin.post("/v1/partners", bank.registration(AuthTestbed.policy("DEMO")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        bank.apiKey = registered.json().getString("apiKey");
        JsonObject person = Residents.full(701);
        Reply enrolled = admin.post(
                "/v1/enrollments",
                new JsonObject()
                        .put("registrationId", "reg-" + UUID.randomUUID())
                        .put("identity", person));
        String uin = enrolled.json().getString("uin");
        JsonObject factors = new JsonObject()
                .put("demographics", new JsonObject().put("dateOfBirth", person.getString("dateOfBirth")));

        ConcurrentLinkedDeque<Answered> answered = new ConcurrentLinkedDeque<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread sender = new Thread(() -> {
                while (running.get()) {
                    String transactionId = "txn-" + UUID.randomUUID();
                    String jws = bank.sign(new JsonObject()
                            .put("transactionId", transactionId)
                            .put("requestTime", Instant.now().toString())
                            .put("individualId", uin)
                            .put("factors", factors));
                    try {
                        Reply reply = publicApi.send(
                                "POST",
                                "/v1/auth",
                                jws,
                                "application/jose",
                                Map.of("authorization", "Bearer " + bank.apiKey));
                        if (reply.status() == 200) {
                            answered.add(new Answered(transactionId, jws));
                        }
                    } catch (IllegalStateException connectionLost) {
                        return;
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (answered.size() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(answered).as("answers before the kill").hasSizeGreaterThanOrEqualTo(200);

        server.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed on the way out
        server.waitFor(60, TimeUnit.SECONDS);
        running.set(false);
        for (Thread sender : senders) {
            sender.join(60_000);
        }

        Set<String> recorded = recordedTransactions(env);
        assertThat(answered).allSatisfy(a -> assertThat(recorded).contains(a.transactionId()));
        serve(env, "second");
        Answered last = answered.getLast();
        Reply replay = publicApi.send(
                "POST", "/v1/auth", last.jws(), "application/jose", Map.of("authorization", "Bearer " + bank.apiKey));
        assertThat(replay.status()).as(replay.body()).isEqualTo(409);
        assertThat(ReplayAcrossRestartTest.successfulRows(env, "killed-bank", last.transactionId()))
                .isEqualTo(1);
    }

    private Process serve(Map<String, String> env, String name) throws IOException, InterruptedException {
        Path log = work.resolve("serve-" + name + ".log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.civis.server.cli.CivisCommand",
                "serve");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CIVIS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return ServerProcesses.awaitUp(process, log);
    }

    private static Set<String> recordedTransactions(Map<String, String> env) throws Exception {
        Set<String> ids = new HashSet<>();
        try (var c = TestServers.databaseConnection(env);
                var s = c.createStatement();
                var rs = s.executeQuery(
                        "select transaction_id from auth_transactions where partner_id = 'killed-bank'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
