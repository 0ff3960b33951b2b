package org.civis.server.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.ReplayMemory;
import org.civis.core.registry.Residents;
import org.civis.server.HttpClientForTests.Reply;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.platform.HazelcastMember;
import org.civis.server.platform.RegistryKeyStore;
import org.junit.jupiter.api.Test;

/**
 * A signed request is admitted once per partner, kind and transaction id, even when the replay
 * memory in Hazelcast has forgotten it: after a restart of the server, or after a member of the
 * cluster deleted the key.
 */
class ReplayAcrossRestartTest {

    @Test
    void aRequestReplayedAfterARestartIsRefusedAndRecordedOnce() throws Exception {
        Map<String, String> env = TestServers.environment(Files.createTempDirectory("civis-replay-test"));
        TestPartner bank;
        String jws;
        String transactionId;
        try (AuthTestbed first = new AuthTestbed(env, Map.of())) {
            bank = first.register("replay-bank", AuthTestbed.policy("DEMO"));
            JsonObject request = first.request(first.enroll(Residents.full(501)), rightBirthDate(501));
            transactionId = request.getString("transactionId");
            jws = bank.sign(request);
            assertThat(first.send(bank, "/v1/auth", jws).status()).isEqualTo(200);
        }

        try (AuthTestbed second = new AuthTestbed(env, Map.of())) {
            JsonObject ready = second.publicApi.get("/health/ready").json();
            Reply replay = second.send(bank, "/v1/auth", jws);

            assertThat(replay.status()).as(replay.body()).isEqualTo(409);
            assertThat(second.errors(replay)).containsExactly("TRANSACTION_REPLAYED");
            assertThat(ready.getJsonObject("replayWindow").getLong("keys")).isEqualTo(1);
            assertThat(successfulRows(env, "replay-bank", transactionId)).isEqualTo(1);
        }
    }

    @Test
    void aRequestReplayedAfterItsReplayKeyWasDeletedIsRefusedByTheDatabase() throws Exception {
        Map<String, String> env = TestServers.environment(Files.createTempDirectory("civis-replay-test"));
        int serverPort = TestServers.freePort();
        int roguePort = TestServers.freePort();
        String members = "127.0.0.1:" + serverPort + ",127.0.0.1:" + roguePort;
        try (AuthTestbed bed = new AuthTestbed(
                env, Map.of("CIVIS_HZ_PORT", String.valueOf(serverPort), "CIVIS_HZ_MEMBERS", members))) {
            TestPartner bank = bed.register("rogue-bank", AuthTestbed.policy("DEMO"));
            JsonObject request = bed.request(bed.enroll(Residents.full(502)), rightBirthDate(502));
            String jws = bank.sign(request);
            assertThat(bed.send(bank, "/v1/auth", jws).status()).isEqualTo(200);

            // A member that joined the cluster (it knows the name and reaches the port) forgets the key.
            Map<String, String> rogueEnv = new HashMap<>(env);
            rogueEnv.put("CIVIS_HZ_PORT", String.valueOf(roguePort));
            rogueEnv.put("CIVIS_HZ_MEMBERS", members);
            // The worst case: the rogue also holds the join secret (it read the node's keystore).
            var rogueConfig = ConfigLoader.load(rogueEnv);
            String joinSecret =
                    RegistryKeyStore.openAuthKeys(rogueConfig).clusterJoinSecret(rogueConfig.hazelcastClusterName());
            HazelcastInstance rogue = HazelcastMember.start(rogueConfig, joinSecret);
            try {
                String key = ReplayMemory.key("auth", "rogue-bank", request.getString("transactionId"));
                assertThat(rogue.getMap(ClusterMaps.REPLAY).remove(key)).isNotNull();
            } finally {
                rogue.shutdown();
            }
            Reply replay = bed.send(bank, "/v1/auth", jws);

            assertThat(replay.status()).as(replay.body()).isEqualTo(409);
            assertThat(bed.errors(replay)).containsExactly("TRANSACTION_REPLAYED");
            assertThat(successfulRows(env, "rogue-bank", request.getString("transactionId")))
                    .isEqualTo(1);
        }
    }

    private static JsonObject rightBirthDate(int resident) {
        return new JsonObject()
                .put(
                        "demographics",
                        new JsonObject()
                                .put("dateOfBirth", Residents.full(resident).getString("dateOfBirth")));
    }

    /** Rows of the transaction that say it was answered as authenticated (read after the answers). */
    static long successfulRows(Map<String, String> env, String partnerId, String transactionId) throws Exception {
        try (var c = TestServers.databaseConnection(env);
                var s = c.prepareStatement("select count(*) from auth_transactions"
                        + " where partner_id = ? and transaction_id = ? and success")) {
            s.setString(1, partnerId);
            s.setString(2, transactionId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
