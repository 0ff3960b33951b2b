package org.civis.auth.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.civis.core.registry.SettableClock;
import org.civis.core.storage.Await;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.platform.HazelcastMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The leased per-second limit against a real Hazelcast member, with a clock the test moves. */
class LeasedWindowLimitTest {
    private static HazelcastInstance member;
    private static IMap<String, Integer> counters;

    @BeforeAll
    static void start() {
        member = HazelcastMember.start(
                ConfigLoader.load(Map.of(
                        "CIVIS_HZ_CLUSTER_NAME",
                        "limit-test-" + UUID.randomUUID(),
                        "CIVIS_HZ_PORT",
                        String.valueOf(TestServers.freePort()))),
                "test-join-secret");
        counters = member.getMap(ClusterMaps.RATES);
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    @Test
    void admitsExactlyTheLimitInOneSecondAndAgainInTheNext() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00.100Z"));
        LeasedWindowLimit limit = new LeasedWindowLimit(counters, () -> 1, clock);

        assertThat(admitted(limit, "partner|exact", 250, 400)).isEqualTo(250);
        clock.advance(Duration.ofMillis(500));
        assertThat(admitted(limit, "partner|exact", 250, 10)).isZero();
        clock.advance(Duration.ofMillis(500)); // the next second
        assertThat(admitted(limit, "partner|exact", 250, 400)).isEqualTo(250);
    }

    @Test
    void nodesSharingOneCounterNeverAdmitMoreThanTheLimitTogether() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00.100Z"));
        LeasedWindowLimit first = new LeasedWindowLimit(counters, () -> 3, clock);
        LeasedWindowLimit second = new LeasedWindowLimit(counters, () -> 3, clock);
        LeasedWindowLimit third = new LeasedWindowLimit(counters, () -> 3, clock);

        int together = 0;
        for (int round = 0; round < 60; round++) {
            together += admitted(first, "partner|shared", 300, 3)
                    + admitted(second, "partner|shared", 300, 3)
                    + admitted(third, "partner|shared", 300, 3);
        }

        assertThat(together).isEqualTo(300);
    }

    @Test
    void aSmallLimitIsLeasedOneRequestAtATime() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00.100Z"));
        LeasedWindowLimit first = new LeasedWindowLimit(counters, () -> 2, clock);
        LeasedWindowLimit second = new LeasedWindowLimit(counters, () -> 2, clock);

        // Alternating nodes each get their share: a block larger than one would strand requests.
        assertThat(admitted(first, "partner|small", 3, 1)).isEqualTo(1);
        assertThat(admitted(second, "partner|small", 3, 1)).isEqualTo(1);
        assertThat(admitted(first, "partner|small", 3, 1)).isEqualTo(1);
        assertThat(admitted(second, "partner|small", 3, 5)).isZero();
    }

    @Test
    void scopesAreCountedApart() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-02T10:00:00.100Z"));
        LeasedWindowLimit limit = new LeasedWindowLimit(counters, () -> 1, clock);

        assertThat(admitted(limit, "partner|a", 20, 30)).isEqualTo(20);
        assertThat(admitted(limit, "partner|b", 20, 30)).isEqualTo(20);
    }

    private static int admitted(LeasedWindowLimit limit, String scope, int perSecond, int attempts) {
        AtomicInteger yes = new AtomicInteger();
        for (int i = 0; i < attempts; i++) {
            if (Await.result(limit.tryAcquire(scope, perSecond))) {
                yes.incrementAndGet();
            }
        }
        return yes.get();
    }
}
