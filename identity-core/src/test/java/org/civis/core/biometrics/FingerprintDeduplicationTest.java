package org.civis.core.biometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.core.registry.FingerprintEntries.iso;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import org.civis.core.Registry;
import org.civis.core.RegistrySettings;
import org.civis.core.biometrics.synthetic.SyntheticFinger;
import org.civis.core.biometrics.synthetic.SyntheticFingerprints;
import org.civis.core.enrollment.Adjudication;
import org.civis.core.enrollment.EnrollmentOutcome;
import org.civis.core.enrollment.EnrollmentStatus;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.registry.FingerprintEntries;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.schema.FingerPosition;
import org.civis.core.schema.Violation;
import org.civis.core.schema.ViolationCode;
import org.civis.core.storage.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One person, one UIN: fingerprints enrolled once are found again under any name. */
class FingerprintDeduplicationTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final Registry registry = fixture.registry;
    private final SyntheticFingerprints synthetic = new SyntheticFingerprints(2026);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theSameFingerUnderANewNameIsASuspectedDuplicateWithItsScore() {
        SyntheticFinger index = synthetic.newFinger();
        SyntheticFinger thumb = synthetic.newFinger();
        Uin first = fixture.issue(
                "REG-1",
                withFingers(
                        Residents.full(1),
                        iso(FingerPosition.RIGHT_INDEX, synthetic.impression(index, FingerPosition.RIGHT_INDEX)),
                        iso(FingerPosition.RIGHT_THUMB, synthetic.impression(thumb, FingerPosition.RIGHT_THUMB))));

        // Different name, birth date and contacts: the demographics find nothing, the finger does.
        EnrollmentOutcome fraud = enroll(
                "REG-2",
                withFingers(
                        Residents.person("Otieno Baraka", "1971-11-30", "male"),
                        iso(FingerPosition.RIGHT_INDEX, synthetic.impression(index, FingerPosition.RIGHT_INDEX))));

        assertThat(fraud.status()).isEqualTo(EnrollmentStatus.DUPLICATE_SUSPECTED);
        assertThat(fraud.candidates()).containsExactly(first);
        assertThat(fraud.biometricCandidates()).singleElement().satisfies(candidate -> {
            assertThat(candidate.uin()).isEqualTo(first);
            assertThat(candidate.position()).isEqualTo(FingerPosition.RIGHT_INDEX);
            assertThat(candidate.score())
                    .isGreaterThanOrEqualTo(registry.biometrics().settings().dedupThreshold());
        });
        // The outcome is stored: asking again gives the same candidates and scores.
        assertThat(Await.accepted(registry.enrollments().outcome(new RegistrationId("REG-2"))))
                .isEqualTo(fraud);
    }

    @Test
    void distinctFingersAreIssuedAndAnUnknownPositionIsComparedWithEveryFinger() {
        SyntheticFinger ring = synthetic.newFinger();
        Uin first = fixture.issue(
                "REG-1",
                withFingers(
                        Residents.full(1),
                        iso(FingerPosition.LEFT_RING, synthetic.impression(ring, FingerPosition.LEFT_RING))));
        Uin second = fixture.issue(
                "REG-2",
                withFingers(
                        Residents.full(2),
                        iso(
                                FingerPosition.LEFT_RING,
                                synthetic.impression(synthetic.newFinger(), FingerPosition.LEFT_RING))));
        assertThat(second).isNotEqualTo(first);

        // The same finger declared at an unknown position still meets the enrolled left ring.
        EnrollmentOutcome unknown = enroll(
                "REG-3",
                withFingers(
                        Residents.full(3),
                        iso(FingerPosition.UNKNOWN, synthetic.impression(ring, FingerPosition.UNKNOWN))));
        // Declared at another known position, it is not compared: positions are trusted when given.
        EnrollmentOutcome elsewhere = enroll(
                "REG-4",
                withFingers(
                        Residents.full(4),
                        iso(FingerPosition.RIGHT_THUMB, synthetic.impression(ring, FingerPosition.RIGHT_THUMB))));

        assertThat(unknown.status()).isEqualTo(EnrollmentStatus.DUPLICATE_SUSPECTED);
        assertThat(unknown.candidates()).containsExactly(first);
        assertThat(elsewhere.status()).isEqualTo(EnrollmentStatus.ISSUED);
    }

    @Test
    void twoEnrollmentsOfOneFingerAtOnceGiveOneIdentityAndOneSuspect() {
        SyntheticFinger finger = synthetic.newFinger();
        Future<Result<EnrollmentOutcome>> a = registry.enrollments()
                .enroll(
                        Residents.request(
                                "REG-A",
                                withFingers(
                                        Residents.full(1),
                                        iso(
                                                FingerPosition.LEFT_INDEX,
                                                synthetic.impression(finger, FingerPosition.LEFT_INDEX)))),
                        "op");
        Future<Result<EnrollmentOutcome>> b = registry.enrollments()
                .enroll(
                        Residents.request(
                                "REG-B",
                                withFingers(
                                        Residents.full(2),
                                        iso(
                                                FingerPosition.LEFT_INDEX,
                                                synthetic.impression(finger, FingerPosition.LEFT_INDEX)))),
                        "op");

        List<EnrollmentStatus> statuses =
                List.of(Await.accepted(a).status(), Await.accepted(b).status());

        assertThat(statuses).containsExactlyInAnyOrder(EnrollmentStatus.ISSUED, EnrollmentStatus.DUPLICATE_SUSPECTED);
        assertThat(fixture.count("select count(*) from identities")).isEqualTo(1);
    }

    @Test
    void anotherNodeSeesFingersEnrolledHere() {
        SyntheticFinger finger = synthetic.newFinger();
        Uin first = fixture.issue("REG-1", withLeftThumb(Residents.full(1), finger));
        Registry otherNode = fixture.secondNode(RegistrySettings.defaults());
        try {
            Await.result(otherNode.biometrics().gallery().catchUp());
            assertThat(otherNode.biometrics().gallery().size()).isEqualTo(1);

            EnrollmentOutcome there = Await.accepted(otherNode
                    .enrollments()
                    .enroll(Residents.request("REG-2", withLeftThumb(Residents.full(2), finger)), "op"));

            assertThat(there.status()).isEqualTo(EnrollmentStatus.DUPLICATE_SUSPECTED);
            assertThat(there.candidates()).containsExactly(first);
        } finally {
            otherNode.biometrics().close();
        }
    }

    @Test
    void aNodeWithoutAGalleryAndNoClusterToAskRefusesFingersAndWritesNothing() {
        SyntheticFinger finger = synthetic.newFinger();
        fixture.issue("REG-1", withLeftThumb(Residents.full(1), finger));
        RegistrySettings authOnly = RegistrySettings.defaults()
                .withBiometrics(BiometricSettings.defaults().withoutGallery());
        Registry otherNode = fixture.secondNode(authOnly);
        try {
            Future<Result<EnrollmentOutcome>> refused = otherNode
                    .enrollments()
                    .enroll(Residents.request("REG-2", withLeftThumb(Residents.full(2), finger)), "op");
            EnrollmentOutcome withoutFingers =
                    Await.accepted(otherNode.enrollments().enroll(Residents.request("REG-3", Residents.full(3)), "op"));

            assertThat(Await.failure(refused))
                    .isInstanceOfSatisfying(BiometricsUnavailable.class, e -> assertThat(e.code())
                            .isEqualTo(RegistryError.BIOMETRICS_UNAVAILABLE));
            assertThat(RegistryFixture.refusal(registry.enrollments().outcome(new RegistrationId("REG-2"))))
                    .isEqualTo(RegistryError.ENROLLMENT_NOT_FOUND);
            assertThat(fixture.count("select count(*) from fingerprint_templates"))
                    .isEqualTo(1);
            assertThat(withoutFingers.status()).isEqualTo(EnrollmentStatus.ISSUED);
            // It never loaded the gallery, not even after an enrollment of its own.
            assertThat(otherNode.biometrics().holdsGallery()).isFalse();
            assertThat(otherNode.biometrics().gallery().size()).isZero();
        } finally {
            otherNode.biometrics().close();
        }
    }

    @Test
    void templatesReplaceImagesAndAreStoredEncrypted() {
        SyntheticFinger finger = synthetic.newFinger();
        byte[] sent = synthetic.impression(finger, FingerPosition.RIGHT_MIDDLE);
        Uin uin = fixture.issue("REG-1", withFingers(Residents.full(1), iso(FingerPosition.RIGHT_MIDDLE, sent)));

        JsonObject stored =
                Await.accepted(registry.identities().read(uin, "op")).fields();
        JsonObject entry = stored.getJsonArray("fingerprints").getJsonObject(0);
        assertThat(entry.getString("format")).isEqualTo("iso19794-2");
        assertThat(entry.getString("position")).isEqualTo("RIGHT_MIDDLE");
        byte[] template = Base64.getDecoder().decode(entry.getString("data"));
        List<EnrolledFingerprint> inTable =
                Await.result(registry.biometrics().store().read(fixture.pool, uin));
        assertThat(inTable).containsExactly(new EnrolledFingerprint(FingerPosition.RIGHT_MIDDLE, template));

        // The row holds only ciphertext: not one ISO record header in plain sight.
        assertThat(fixture.count(
                        "select count(*) from fingerprint_templates where position('FMR'::bytea in ciphertext) > 0"))
                .isZero();
        assertThat(fixture.count("select fingers from fingerprint_templates")).isEqualTo(1);
    }

    @Test
    void anUnusableFingerIsReportedAtItsPathAndNothingIsWritten() {
        SyntheticFinger finger = synthetic.newFinger();
        JsonObject identity = withFingers(
                Residents.full(1),
                iso(FingerPosition.RIGHT_THUMB, synthetic.impression(finger, FingerPosition.RIGHT_THUMB)),
                FingerprintEntries.entry(FingerPosition.RIGHT_INDEX, "iso19794-2", new byte[] {'F', 'M', 'R', 0, 1, 2}),
                FingerprintEntries.entry(FingerPosition.LEFT_INDEX, "png", "not a picture".getBytes()));

        Refusal refusal =
                RegistryFixture.refused(registry.enrollments().enroll(Residents.request("REG-1", identity), "op"));

        assertThat(refusal).satisfies(e -> {
            assertThat(e.code()).isEqualTo(RegistryError.VALIDATION_FAILED);
            assertThat(e.violations())
                    .extracting(Violation::path, Violation::code)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "/identity/fingerprints/1/data", ViolationCode.FINGER_TEMPLATE_UNREADABLE),
                            org.assertj.core.groups.Tuple.tuple(
                                    "/identity/fingerprints/2/data", ViolationCode.FINGER_IMAGE_UNREADABLE));
        });
        assertThat(fixture.count("select count(*) from enrollments")).isZero();
        assertThat(fixture.count("select count(*) from fingerprint_templates")).isZero();
    }

    @Test
    void aSuspectIssuedByAdjudicationJoinsTheGallery() {
        SyntheticFinger shared = synthetic.newFinger();
        fixture.issue(
                "REG-1",
                withFingers(
                        Residents.full(1),
                        iso(FingerPosition.LEFT_INDEX, synthetic.impression(shared, FingerPosition.LEFT_INDEX))));
        SyntheticFinger own = synthetic.newFinger();
        EnrollmentOutcome suspect = enroll(
                "REG-2",
                withFingers(
                        Residents.full(2),
                        iso(FingerPosition.LEFT_INDEX, synthetic.impression(shared, FingerPosition.LEFT_INDEX)),
                        iso(FingerPosition.LEFT_THUMB, synthetic.impression(own, FingerPosition.LEFT_THUMB))));
        assertThat(suspect.status()).isEqualTo(EnrollmentStatus.DUPLICATE_SUSPECTED);

        // An officer finds twins with near-identical prints on one finger and issues anyway.
        Uin issued = Await.accepted(registry.enrollments()
                        .adjudicate(
                                new RegistrationId("REG-2"),
                                new Adjudication(
                                        Adjudication.Decision.ISSUE,
                                        java.util.Optional.empty(),
                                        java.util.Optional.empty()),
                                "officer"))
                .uin()
                .orElseThrow();

        EnrollmentOutcome later = enroll(
                "REG-3",
                withFingers(
                        Residents.full(3),
                        iso(FingerPosition.LEFT_THUMB, synthetic.impression(own, FingerPosition.LEFT_THUMB))));
        assertThat(later.candidates()).containsExactly(issued);
    }

    @Test
    void newFingerprintsOnUpdateReplaceTheOldInTheGallery() {
        SyntheticFinger before = synthetic.newFinger();
        SyntheticFinger after = synthetic.newFinger();
        Uin uin = fixture.issue(
                "REG-1",
                withFingers(
                        Residents.full(1),
                        iso(FingerPosition.RIGHT_RING, synthetic.impression(before, FingerPosition.RIGHT_RING))));

        Await.accepted(registry.identities()
                .update(
                        uin,
                        new JsonObject()
                                .put(
                                        "fingerprints",
                                        FingerprintEntries.of(iso(
                                                FingerPosition.RIGHT_RING,
                                                synthetic.impression(after, FingerPosition.RIGHT_RING)))),
                        "op"));

        assertThat(enroll(
                                "REG-2",
                                withFingers(
                                        Residents.full(2),
                                        iso(
                                                FingerPosition.RIGHT_RING,
                                                synthetic.impression(before, FingerPosition.RIGHT_RING))))
                        .status())
                .isEqualTo(EnrollmentStatus.ISSUED);
        assertThat(enroll(
                                "REG-3",
                                withFingers(
                                        Residents.full(3),
                                        iso(
                                                FingerPosition.RIGHT_RING,
                                                synthetic.impression(after, FingerPosition.RIGHT_RING))))
                        .candidates())
                .containsExactly(uin);
    }

    private EnrollmentOutcome enroll(String registrationId, JsonObject identity) {
        return Await.accepted(registry.enrollments().enroll(Residents.request(registrationId, identity), "op"));
    }

    /** The identity with a fresh impression of {@code finger} as its left thumb. */
    private JsonObject withLeftThumb(JsonObject identity, SyntheticFinger finger) {
        return withFingers(
                identity, iso(FingerPosition.LEFT_THUMB, synthetic.impression(finger, FingerPosition.LEFT_THUMB)));
    }

    private static JsonObject withFingers(JsonObject identity, JsonObject... fingers) {
        return identity.put("fingerprints", FingerprintEntries.of(fingers));
    }
}
