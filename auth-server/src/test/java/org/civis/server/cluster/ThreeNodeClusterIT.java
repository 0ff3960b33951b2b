package org.civis.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.cluster.AuthLoad.Resident;
import org.civis.server.partnerapi.AuthTestbed;
import org.civis.server.partnerapi.TestPartner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three server processes of the packaged JAR on loopback, against one PostgreSQL server, found by a
 * static member list: set up through one node, loaded through all three, one of them killed with
 * SIGKILL mid-load and started again. The survivors keep answering, what one node changes the
 * others enforce, a transaction id is admitted once in the whole cluster, and every answered
 * request has exactly one record.
 */
class ThreeNodeClusterIT {
    /** Small heaps and the quick compiler: three JVMs, the database and the test share two cores in CI. */
    static final List<String> CI_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path work;

    @Test
    void survivorsAnswerThroughAKillAndTheRestartedNodeRejoinsWithOneRecordPerAnswer() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(work, 3, CI_JVM);
                ClusterObserver observer = cluster.observe()) {
            ClusterNode one = cluster.nodes.get(0);
            ClusterNode two = cluster.nodes.get(1);
            ClusterNode three = cluster.nodes.get(2);
            observer.awaitSafeWith(3, MINUTE);

            // Given a partner and residents, set up through the first node's admin API
            TestPartner bank = register(cluster, one, "cluster-bank");
            List<Resident> residents = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                residents.add(enroll(cluster, one, 900 + i));
            }
            Resident locked = enroll(cluster, one, 910);
            Resident once = enroll(cluster, one, 911);

            try (AuthLoad load = new AuthLoad(cluster.nodes, bank, residents, 4)) {
                for (int node = 0; node < 3; node++) {
                    load.awaitAnswersFrom(node, 0, 20);
                }

                // When the second node is killed mid-load
                long killedAt = System.nanoTime();
                two.kill();
                observer.awaitSafeWith(2, MINUTE);
                Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
                load.awaitAnswersFrom(0, load.answeredBy(0), 30);
                load.awaitAnswersFrom(2, load.answeredBy(2), 30);

                // and started again on its own data directory
                two.start();
                two.awaitReady();
                observer.awaitSafeWith(3, MINUTE);
                load.awaitAnswersFrom(1, load.answeredBy(1), 20);
                load.close();
                System.out.printf(
                        "answered by node: %d %d %d; connection failures at node-2: %d; safe again %d ms after the kill%n",
                        load.answeredBy(0),
                        load.answeredBy(1),
                        load.answeredBy(2),
                        load.connectionFailuresAt(1),
                        takeover.toMillis());

                // Then the survivors answered every request; only the killed node's connections failed
                assertThat(load.wrongAnswers()).as("answers other than 200").isEmpty();
                assertThat(load.connectionFailuresAt(0)).isZero();
                assertThat(load.connectionFailuresAt(2)).isZero();
                assertThat(load.connectionFailuresAt(1))
                        .as("requests the killed node did not answer")
                        .isPositive();
                assertRecordedOnce(cluster, load.answered(), load.notAnswered());
            }

            // A lock set through the third node is enforced by the first and the restarted second
            // on their next request, though both had the identity's view cached
            for (ClusterNode node : List.of(one, two)) {
                assertThat(authenticate(node, bank, locked, "lock-").getBoolean("authenticated"))
                        .isTrue();
            }
            Reply lock = cluster.adminPost(
                    three,
                    "/v1/identities/" + locked.uin() + "/locks",
                    new JsonObject()
                            .put("authTypes", new JsonArray().add("demo"))
                            .put("locked", true));
            assertThat(lock.status()).as(lock.body()).isBetween(200, 204);
            for (ClusterNode node : List.of(one, two)) {
                assertThat(errors(authenticate(node, bank, locked, "lock-")))
                        .as(node.name)
                        .containsExactly("AUTH_TYPE_LOCKED");
            }

            // One signed request sent to all three nodes at once is admitted exactly once
            String transactionId = "once-" + UUID.randomUUID();
            String jws = bank.sign(request(transactionId, once));
            List<JsonObject> answers = sendToAllAtOnce(cluster.nodes, bank, jws);
            assertThat(answers.stream().filter(a -> a.getBoolean("authenticated", false)))
                    .hasSize(1);
            assertThat(answers.stream().map(ThreeNodeClusterIT::errors).filter(e -> !e.isEmpty()))
                    .containsExactly(List.of("TRANSACTION_REPLAYED"), List.of("TRANSACTION_REPLAYED"));
            assertThat(rows(cluster, "transaction_id = '" + transactionId + "'"))
                    .isEqualTo(1);
        }
    }

    /**
     * Every answered load request has exactly one row; a row without an answer can only be a request
     * in flight on the killed node (handled, its answer lost with the connection).
     */
    private static void assertRecordedOnce(LocalCluster cluster, Set<String> answered, Set<String> notAnswered)
            throws Exception {
        Set<String> recorded = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        try (var c = cluster.database();
                var s = c.createStatement();
                var rs = s.executeQuery("select transaction_id, count(*) from auth_transactions"
                        + " where partner_id = 'cluster-bank' and kind = 'AUTH' and transaction_id like '"
                        + AuthLoad.PREFIX + "%' group by transaction_id")) {
            while (rs.next()) {
                recorded.add(rs.getString(1));
                if (rs.getLong(2) != 1) {
                    duplicates.add(rs.getString(1));
                }
            }
        }
        assertThat(duplicates).as("transactions recorded more than once").isEmpty();
        assertThat(answered).isNotEmpty();
        Set<String> answeredWithoutRecord = new HashSet<>(answered);
        answeredWithoutRecord.removeAll(recorded);
        assertThat(answeredWithoutRecord)
                .as("answered requests (of %d) without their record", answered.size())
                .isEmpty();
        Set<String> recordedWithoutAnswer = new HashSet<>(recorded);
        recordedWithoutAnswer.removeAll(answered);
        assertThat(notAnswered).containsAll(recordedWithoutAnswer);
        assertThat(recorded).hasSize(answered.size() + recordedWithoutAnswer.size());
    }

    private static long rows(LocalCluster cluster, String where) throws Exception {
        try (var c = cluster.database();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from auth_transactions where " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TestPartner register(LocalCluster cluster, ClusterNode node, String id) {
        TestPartner partner = TestPartner.create(id, false);
        JsonObject policy = AuthTestbed.policy("DEMO").put("requestsPerSecond", 10_000);
        Reply reply = cluster.adminPost(node, "/v1/partners", partner.registration(policy));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        partner.apiKey = reply.json().getString("apiKey");
        return partner;
    }

    private static Resident enroll(LocalCluster cluster, ClusterNode node, int n) {
        JsonObject person = Residents.full(n);
        Reply reply = cluster.adminPost(
                node,
                "/v1/enrollments",
                new JsonObject()
                        .put("registrationId", "reg-" + UUID.randomUUID())
                        .put("identity", person));
        assertThat(reply.json().getString("status")).as(reply.body()).isEqualTo("ISSUED");
        return new Resident(reply.json().getString("uin"), person.getString("dateOfBirth"));
    }

    static JsonObject request(String transactionId, Resident resident) {
        return new JsonObject()
                .put("transactionId", transactionId)
                .put("requestTime", Instant.now().toString())
                .put("individualId", resident.uin())
                .put(
                        "factors",
                        new JsonObject()
                                .put("demographics", new JsonObject().put("dateOfBirth", resident.dateOfBirth())));
    }

    private static JsonObject authenticate(ClusterNode node, TestPartner partner, Resident resident, String prefix) {
        return payload(send(node, partner, partner.sign(request(prefix + UUID.randomUUID(), resident))));
    }

    private static Reply send(ClusterNode node, TestPartner partner, String jws) {
        return node.publicApi.send(
                "POST", "/v1/auth", jws, "application/jose", Map.of("authorization", "Bearer " + partner.apiKey));
    }

    private static List<JsonObject> sendToAllAtOnce(List<ClusterNode> nodes, TestPartner partner, String jws)
            throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (ClusterNode node : nodes) {
                replies.add(senders.submit(() -> send(node, partner, jws)));
            }
            List<JsonObject> answers = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answers.add(payload(reply.get()));
            }
            return answers;
        } finally {
            senders.shutdownNow();
        }
    }

    /** The payload of a signed answer (its signature is checked by the partner API tests). */
    private static JsonObject payload(Reply reply) {
        try {
            return new JsonObject(JWSObject.parse(reply.body()).getPayload().toString());
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a signed answer: " + reply.status() + " " + reply.body(), e);
        }
    }

    private static List<String> errors(JsonObject answer) {
        JsonArray errors = answer.getJsonArray("errors", new JsonArray());
        return errors.stream().map(e -> ((JsonObject) e).getString("code")).toList();
    }
}
