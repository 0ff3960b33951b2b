package org.civis.auth.cluster.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.core.registry.FingerprintEntries.iso;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.civis.core.Registry;
import org.civis.core.RegistrySettings;
import org.civis.core.biometrics.BiometricCandidate;
import org.civis.core.biometrics.BiometricSettings;
import org.civis.core.biometrics.BiometricsUnavailable;
import org.civis.core.biometrics.EnrolledFingerprint;
import org.civis.core.biometrics.FingerprintExtractor;
import org.civis.core.biometrics.FingerprintGallery;
import org.civis.core.biometrics.FingerprintSearch;
import org.civis.core.biometrics.PreparedFingerprint;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.enrollment.Adjudication;
import org.civis.core.enrollment.EnrollmentOutcome;
import org.civis.core.enrollment.EnrollmentStatus;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.refusal.RegistryError;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real Hazelcast members on loopback, each with its own registry node over one PostgreSQL
 * database: the partitioned search splits the gallery between them and merges to exactly what one
 * node's full gallery finds. Members that hold no gallery get no share, and can still ask.
 */
class PartitionedFingerprintSearchTest {
    private static final SyntheticFingerprints SYNTHETIC = new SyntheticFingerprints(1957);
    private static final FingerPosition[] POSITIONS = {
        FingerPosition.RIGHT_THUMB, FingerPosition.RIGHT_INDEX, FingerPosition.LEFT_THUMB, FingerPosition.LEFT_INDEX
    };
    private static final int SINGLES = 32;
    private static final int SHARERS = 4;

    private static RegistryFixture fixture;
    private static Registry secondNode;
    private static String clusterName;
    private static String memberList;
    private static HazelcastInstance firstMember;
    private static HazelcastInstance secondMember;
    private static PartitionedFingerprintSearch fromFirst;
    private static FingerprintGallery fullGallery;
    private static BiometricSettings settings;

    private static final List<SyntheticFinger> singleFingers = new ArrayList<>();
    private static final List<Uin> singleUins = new ArrayList<>();
    private static SyntheticFinger sharedFinger;
    private static final List<Uin> sharingUins = new ArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new RegistryFixture();
        secondNode = fixture.secondNode(RegistrySettings.defaults());
        settings = fixture.registry.biometrics().settings();
        fullGallery = fixture.registry.biometrics().gallery();
        int firstPort = TestServers.freePort();
        int secondPort = TestServers.freePort();
        clusterName = "gallery-test-" + UUID.randomUUID();
        memberList = "127.0.0.1:" + firstPort + ",127.0.0.1:" + secondPort;
        firstMember = member(clusterName, firstPort, memberList, true);
        secondMember = member(clusterName, secondPort, memberList, true);
        GalleryShare firstShare = new GalleryShare(firstMember, fixture.registry.biometrics());
        firstShare.register();
        new GalleryShare(secondMember, secondNode.biometrics()).register();
        fromFirst = new PartitionedFingerprintSearch(fixture.vertx, firstMember, firstShare);
        enrollGallery();
    }

    @AfterAll
    static void stop() {
        secondMember.shutdown();
        firstMember.shutdown();
        secondNode.biometrics().close();
        fixture.close();
    }

    @BeforeEach
    void partitionsSettled() {
        awaitStablePartitions(firstMember, secondMember);
    }

    @Test
    void eachMemberScansADisjointShareOfPartitionsAndTogetherTheyCoverAll() {
        List<PreparedFingerprint> probe = probeOf(sharedFinger, FingerPosition.LEFT_MIDDLE);

        ShareReports round = gather(fromFirst, probe);

        assertThat(round.reports())
                .extracting(ShareReport::member)
                .containsExactlyInAnyOrder(memberId(firstMember), memberId(secondMember));
        Set<Integer> first = reportOf(round, firstMember).partitions();
        Set<Integer> second = reportOf(round, secondMember).partitions();
        assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
        assertThat(Math.abs(first.size() - second.size())).isLessThanOrEqualTo(1);
        Set<Integer> union = new HashSet<>(first);
        union.addAll(second);
        assertThat(union)
                .isEqualTo(IntStream.range(0, round.partitionCount()).boxed().collect(Collectors.toSet()));
        assertThat(round.coverEveryPartition()).isTrue();
    }

    @Test
    void eachIdentityIsFoundByTheMemberGivenItsPartitionOnly() {
        List<PreparedFingerprint> probe = probeOf(sharedFinger, FingerPosition.LEFT_MIDDLE);

        ShareReports round = gather(fromFirst, probe);

        for (ShareReport report : round.reports()) {
            assertThat(report.candidates())
                    .extracting(candidate -> partitionOf(candidate.uin()))
                    .allMatch(report.partitions()::contains);
        }
        assertThat(round.candidates(settings.maxCandidates()))
                .extracting(BiometricCandidate::uin)
                .containsExactlyInAnyOrderElementsOf(sharingUins);
    }

    @Test
    void mergedCandidatesEqualTheFullGallerySearch() {
        Map<String, List<PreparedFingerprint>> probes = Map.of(
                "shared finger", probeOf(sharedFinger, FingerPosition.LEFT_MIDDLE),
                "genuine", probeOf(singleFingers.get(5), POSITIONS[5 % POSITIONS.length]),
                "genuine at an unknown position", probeOf(singleFingers.get(18), FingerPosition.UNKNOWN),
                "impostor", probeOf(SYNTHETIC.newFinger(), FingerPosition.RIGHT_INDEX),
                "impostor at an unknown position", probeOf(SYNTHETIC.newFinger(), FingerPosition.UNKNOWN));
        long lastSeq = Await.result(fixture.registry.biometrics().store().lastSeq(fixture.pool));

        probes.forEach((name, probe) -> {
            FingerprintSearch.Result merged = search(fromFirst, probe);
            FingerprintSearch.Result local = search(fullGallery, probe);

            assertThat(merged.candidates()).as(name).isEqualTo(local.candidates());
            assertThat(merged.completeUpTo())
                    .as(name)
                    .isEqualTo(local.completeUpTo())
                    .isEqualTo(lastSeq);
        });
        assertThat(search(fromFirst, probes.get("shared finger")).candidates())
                .extracting(BiometricCandidate::uin)
                .containsExactlyInAnyOrderElementsOf(sharingUins);
        assertThat(search(fromFirst, probes.get("genuine")).candidates())
                .extracting(BiometricCandidate::uin)
                .containsExactly(singleUins.get(5));
        assertThat(search(fromFirst, probes.get("genuine at an unknown position"))
                        .candidates())
                .extracting(BiometricCandidate::uin)
                .containsExactly(singleUins.get(18));
        assertThat(search(fromFirst, probes.get("impostor")).candidates()).isEmpty();
        assertThat(search(fromFirst, probes.get("impostor at an unknown position"))
                        .candidates())
                .isEmpty();
    }

    @Test
    void aMemberThatCannotScanLeavesAGapAndTheLocalGalleryAnswers() {
        // A third member that says it holds a gallery, but whose registry is not up yet: it is given
        // partitions and has no share to scan them with.
        HazelcastInstance starting = joiningMember(true);
        try {
            awaitStablePartitions(firstMember, secondMember, starting);
            List<PreparedFingerprint> probe = probeOf(sharedFinger, FingerPosition.LEFT_MIDDLE);

            ShareReports round = gather(fromFirst, probe);
            FingerprintSearch.Result answer = search(fromFirst, probe);

            assertThat(round.reports()).hasSize(3);
            assertThat(reportOf(round, starting).partitions()).isEmpty();
            assertThat(round.coverEveryPartition()).isFalse();
            assertThat(answer.candidates()).isEqualTo(search(fullGallery, probe).candidates());
            assertThat(answer.candidates())
                    .extracting(BiometricCandidate::uin)
                    .containsExactlyInAnyOrderElementsOf(sharingUins);
        } finally {
            starting.shutdown();
        }
    }

    @Test
    void aLoneMemberAnswersExactlyAsItsGallery() {
        int port = TestServers.freePort();
        HazelcastInstance alone = member("gallery-test-alone-" + UUID.randomUUID(), port, "127.0.0.1:" + port, true);
        try {
            GalleryShare share = new GalleryShare(alone, secondNode.biometrics());
            PartitionedFingerprintSearch search = new PartitionedFingerprintSearch(fixture.vertx, alone, share);
            List<PreparedFingerprint> probe = probeOf(singleFingers.get(7), POSITIONS[7 % POSITIONS.length]);

            FingerprintSearch.Result answer = search(search, probe);

            assertThat(answer).isEqualTo(search(secondNode.biometrics().gallery(), probe));
            assertThat(answer.candidates()).extracting(BiometricCandidate::uin).containsExactly(singleUins.get(7));
        } finally {
            alone.shutdown();
        }
    }

    @Test
    void aMemberWithoutAGalleryIsGivenNoShareAndCanStillAsk() {
        HazelcastInstance authOnly = joiningMember(false);
        try {
            awaitStablePartitions(firstMember, secondMember, authOnly);
            List<PreparedFingerprint> probe = probeOf(sharedFinger, FingerPosition.LEFT_MIDDLE);
            PartitionedFingerprintSearch fromAuthOnly = new PartitionedFingerprintSearch(fixture.vertx, authOnly);

            ShareReports round = gather(fromFirst, probe);
            ShareReports askedByAuthOnly = gather(fromAuthOnly, probe);

            for (ShareReports reports : List.of(round, askedByAuthOnly)) {
                assertThat(reports.reports())
                        .extracting(ShareReport::member)
                        .containsExactlyInAnyOrder(memberId(firstMember), memberId(secondMember));
                assertThat(reports.coverEveryPartition()).isTrue();
            }
            assertThat(search(fromAuthOnly, probe)).isEqualTo(search(fullGallery, probe));
            assertThat(search(fromAuthOnly, probe).candidates())
                    .extracting(BiometricCandidate::uin)
                    .containsExactlyInAnyOrderElementsOf(sharingUins);
        } finally {
            authOnly.shutdown();
        }
    }

    @Test
    void aClusterWhereNoMemberHoldsAGalleryRefusesToSearch() {
        int port = TestServers.freePort();
        HazelcastInstance alone =
                member("gallery-test-no-gallery-" + UUID.randomUUID(), port, "127.0.0.1:" + port, false);
        try {
            PartitionedFingerprintSearch search = new PartitionedFingerprintSearch(fixture.vertx, alone);

            Future<FingerprintSearch.Result> refused = search.search(
                    probeOf(singleFingers.get(3), POSITIONS[3 % POSITIONS.length]),
                    settings.dedupThreshold(),
                    settings.maxCandidates());

            assertThat(Await.failure(refused))
                    .isInstanceOfSatisfying(BiometricsUnavailable.class, e -> assertThat(e.code())
                            .isEqualTo(RegistryError.BIOMETRICS_UNAVAILABLE));
        } finally {
            alone.shutdown();
        }
    }

    /** Distinct people with one finger each, and one finger enrolled under several issued identities. */
    private static void enrollGallery() {
        for (int i = 0; i < SINGLES; i++) {
            SyntheticFinger finger = SYNTHETIC.newFinger();
            FingerPosition position = POSITIONS[i % POSITIONS.length];
            singleFingers.add(finger);
            singleUins.add(fixture.issue(
                    "REG-S" + i,
                    withFingers(Residents.full(i), iso(position, SYNTHETIC.impression(finger, position)))));
        }
        sharedFinger = SYNTHETIC.newFinger();
        for (int i = 0; i < SHARERS; i++) {
            String registrationId = "REG-T" + i;
            EnrollmentOutcome outcome = Await.accepted(fixture.registry
                    .enrollments()
                    .enroll(
                            Residents.request(
                                    registrationId,
                                    withFingers(
                                            Residents.full(100 + i),
                                            iso(
                                                    FingerPosition.LEFT_MIDDLE,
                                                    SYNTHETIC.impression(sharedFinger, FingerPosition.LEFT_MIDDLE)))),
                            "op"));
            if (outcome.status() == EnrollmentStatus.DUPLICATE_SUSPECTED) {
                // Officers find twins with near-identical prints on this finger, and issue each of them.
                outcome = Await.accepted(fixture.registry
                        .enrollments()
                        .adjudicate(
                                new RegistrationId(registrationId),
                                new Adjudication(Adjudication.Decision.ISSUE, Optional.empty(), Optional.empty()),
                                "officer"));
            }
            sharingUins.add(outcome.uin().orElseThrow());
        }
    }

    private static JsonObject withFingers(JsonObject identity, JsonObject... fingers) {
        return identity.put("fingerprints", FingerprintEntries.of(fingers));
    }

    private static List<PreparedFingerprint> probeOf(SyntheticFinger finger, FingerPosition position) {
        return List.of(FingerprintExtractor.prepare(
                new EnrolledFingerprint(position, SYNTHETIC.impression(finger, position))));
    }

    private static ShareReports gather(PartitionedFingerprintSearch search, List<PreparedFingerprint> probe) {
        return Await.result(search.gather(probe, settings.dedupThreshold(), settings.maxCandidates()));
    }

    private static FingerprintSearch.Result search(FingerprintSearch search, List<PreparedFingerprint> probe) {
        return Await.result(search.search(probe, settings.dedupThreshold(), settings.maxCandidates()));
    }

    /** A third member joining the test cluster. */
    private static HazelcastInstance joiningMember(boolean holdsGallery) {
        int port = TestServers.freePort();
        return member(clusterName, port, memberList + ",127.0.0.1:" + port, holdsGallery);
    }

    private static HazelcastInstance member(String cluster, int port, String members, boolean holdsGallery) {
        return HazelcastMember.start(
                ConfigLoader.load(Map.of(
                        "CIVIS_HZ_CLUSTER_NAME",
                        cluster,
                        "CIVIS_HZ_PORT",
                        String.valueOf(port),
                        "CIVIS_HZ_MEMBERS",
                        members,
                        "CIVIS_BIO_GALLERY",
                        String.valueOf(holdsGallery))),
                "test-join-secret");
    }

    private static String memberId(HazelcastInstance member) {
        return member.getCluster().getLocalMember().getUuid().toString();
    }

    private static ShareReport reportOf(ShareReports round, HazelcastInstance member) {
        return round.reports().stream()
                .filter(report -> report.member().equals(memberId(member)))
                .findFirst()
                .orElseThrow();
    }

    private static int partitionOf(Uin uin) {
        return firstMember.getPartitionService().getPartition(uin.value()).getPartitionId();
    }

    /**
     * Waits (this is not what the tests assert on) until every member sees the others and the
     * partition table has settled, so that a round is asked of exactly the members started.
     */
    private static void awaitStablePartitions(HazelcastInstance... members) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!stable(members)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the partitions did not settle");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean stable(HazelcastInstance... members) {
        for (HazelcastInstance member : members) {
            if (member.getCluster().getMembers().size() != members.length
                    || !member.getPartitionService().isClusterSafe()
                    || member.getPartitionService().getPartitions().stream()
                            .anyMatch(partition -> partition.getOwner() == null)) {
                return false;
            }
        }
        return true;
    }
}
