package org.civis.auth.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.platform.HazelcastMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay check against a real Hazelcast member. Running one call's processor twice is what
 * Hazelcast does when the key's owner dies between writing the key and answering: the retry runs
 * on the promoted backup, which already holds the key.
 */
class RememberOnceTest {
    private static HazelcastInstance member;
    private static IMap<String, Object> seen;

    @BeforeAll
    static void start() {
        member = HazelcastMember.start(
                ConfigLoader.load(Map.of(
                        "CIVIS_HZ_CLUSTER_NAME",
                        "replay-test-" + UUID.randomUUID(),
                        "CIVIS_HZ_PORT",
                        String.valueOf(TestServers.freePort()))),
                "test-join-secret");
        seen = member.getMap(ClusterMaps.REPLAY);
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    @Test
    void theFirstCallIsFirstAndAnyOtherCallIsNot() {
        String key = ReplayMemory.key("auth", "bank", "tx-" + UUID.randomUUID());

        assertThat(seen.executeOnKey(key, new RememberOnce(60_000, "call-a"))).isTrue();
        assertThat(seen.executeOnKey(key, new RememberOnce(60_000, "call-b"))).isFalse();
        assertThat(seen.executeOnKey(key, new RememberOnce(60_000, "call-c"))).isFalse();
    }

    @Test
    void theSameCallRunAgainStillFindsItselfFirst() {
        String key = ReplayMemory.key("auth", "bank", "tx-" + UUID.randomUUID());
        RememberOnce call = new RememberOnce(60_000, "call-a");

        assertThat(seen.executeOnKey(key, call)).isTrue();
        assertThat(seen.executeOnKey(key, call)).as("the retried call").isTrue();
        assertThat(seen.executeOnKey(key, new RememberOnce(60_000, "call-b")))
                .as("a second request with the same transaction id")
                .isFalse();
    }

    @Test
    void aReplayMemoryAdmitsEachTransactionIdOncePerKindAndPartner() {
        ReplayMemory memory = new ReplayMemory(member, Duration.ofMinutes(5));
        String transaction = "tx-" + UUID.randomUUID();

        assertThat(memory.firstUse("auth", "bank", transaction)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .join())
                .isTrue();
        assertThat(memory.firstUse("auth", "bank", transaction)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .join())
                .isFalse();
        assertThat(memory.firstUse("kyc", "bank", transaction)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .join())
                .isTrue();
        assertThat(memory.firstUse("auth", "telco", transaction)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .join())
                .isTrue();
    }
}
