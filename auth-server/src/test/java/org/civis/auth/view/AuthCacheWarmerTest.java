package org.civis.auth.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.civis.auth.cluster.CacheSeal;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.EntryMac;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.enrollment.EnrollmentRequest;
import org.civis.core.enrollment.bulk.BatchResult;
import org.civis.core.enrollment.bulk.BulkResult;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.lock.AuthType;
import org.civis.core.registry.FingerprintEntries;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.schema.FingerPosition;
import org.civis.core.storage.Await;
import org.civis.server.TestServers;
import org.civis.server.config.ConfigLoader;
import org.civis.server.platform.HazelcastMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filling the auth cache at start from a real registry (PostgreSQL) into a real Hazelcast member:
 * every identity gets the view a first request would have loaded, locks, status and fingerprints
 * included, across several pages.
 */
class AuthCacheWarmerTest {
    private static RegistryFixture fixture;
    private static HazelcastInstance member;
    private static AuthViews views;
    private static final List<Uin> issued = new ArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new RegistryFixture();
        member = HazelcastMember.start(
                ConfigLoader.load(Map.of(
                        "CIVIS_HZ_CLUSTER_NAME",
                        "warmer-test-" + UUID.randomUUID(),
                        "CIVIS_HZ_PORT",
                        String.valueOf(TestServers.freePort()))),
                "test-join-secret");
        views = new AuthViews(
                member,
                fixture.registry.authFacts(),
                fixture.registry.settings().schema(),
                new CacheSeal(new SecretKeySpec(new byte[32], "AES")),
                new EntryMac(new SecretKeySpec(new byte[32], "HmacSHA256")),
                fixture.vertx);
        // More than one page of the warmer's (1,000), so paging is exercised; imported in bulk.
        List<EnrollmentRequest> packets = new ArrayList<>();
        for (int n = 0; n < 1_203; n++) {
            packets.add(Residents.request("reg-warm-" + n, Residents.full(n)));
        }
        BatchResult imported = Await.result(fixture.registry.bulkEnrollments().importBatch(packets, "test"));
        imported.results().forEach(result -> issued.add(((BulkResult.Issued) result).uin()));
        SyntheticFingerprints synthetic = new SyntheticFingerprints(77);
        issued.add(fixture.issue(
                "reg-warm-fingers",
                Residents.full(5_000)
                        .put(
                                "fingerprints",
                                FingerprintEntries.of(FingerprintEntries.iso(
                                        FingerPosition.LEFT_THUMB,
                                        synthetic.impression(synthetic.newFinger(), FingerPosition.LEFT_THUMB))))));
        Await.accepted(fixture.registry.locks().lock(issued.get(3), Set.of(AuthType.OTP), "test"));
        Await.accepted(fixture.registry
                .identities()
                .changeStatus(issued.get(4), IdentityStatus.DEACTIVATED, java.util.Optional.empty(), "test"));
    }

    @AfterAll
    static void stop() {
        member.shutdown();
        fixture.close();
    }

    @Test
    void everyIdentityHasItsViewWithoutBeingAskedFor() throws Exception {
        IMap<String, AuthView> cached = member.getMap(ClusterMaps.AUTH_VIEWS);
        assertThat(cached.size()).isZero();
        AuthCacheWarmer warmer = new AuthCacheWarmer(fixture.vertx, fixture.registry.authFacts(), views, member);

        warmer.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!warmer.warm() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        assertThat(warmer.warm()).isTrue();
        assertThat(warmer.viewsStored()).isEqualTo(issued.size());
        assertThat(cached.size()).isEqualTo(issued.size());
        for (Uin uin : issued) {
            assertThat(cached.get(uin.value())).as(uin.toString()).isNotNull();
        }
        assertThat(cached.get(issued.get(3).value()).lockedAt(AuthType.OTP, Instant.now()))
                .isTrue();
        assertThat(cached.get(issued.get(3).value()).locks())
                .extracting(LockState::type)
                .containsExactly(AuthType.OTP);
        assertThat(cached.get(issued.get(0).value()).locks())
                .as("nothing locked: a million views would carry millions of unlocked entries")
                .isEmpty();
        assertThat(cached.get(issued.get(4).value()).status()).isEqualTo(IdentityStatus.DEACTIVATED);
        assertThat(views.fingerprints(cached.get(issued.get(issued.size() - 1).value())))
                .singleElement()
                .satisfies(finger -> assertThat(finger.position()).isEqualTo(FingerPosition.LEFT_THUMB));
        // What a first request would have loaded on its own is the same view.
        AuthView loaded = Await.result(views.byUin(issued.get(7))).orElseThrow();
        assertThat(views.matchData(loaded))
                .isEqualTo(views.matchData(cached.get(issued.get(7).value())));
    }
}
