package org.civis.core.enrollment.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.civis.core.audit.AuditVerification;
import org.civis.core.enrollment.Adjudication;
import org.civis.core.enrollment.EnrollmentOutcome;
import org.civis.core.enrollment.EnrollmentRequest;
import org.civis.core.enrollment.EnrollmentStatus;
import org.civis.core.id.Uin;
import org.civis.core.population.SyntheticPopulation;
import org.civis.core.refusal.RegistryError;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.storage.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bulk path against real PostgreSQL: what it writes reads back through the normal services. */
class BulkEnrollmentTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final BulkEnrollment bulk = fixture.registry.bulkEnrollments();
    private final SyntheticPopulation population = new SyntheticPopulation(7);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBatchIssuesUinsThatReadBackDecryptedThroughTheIdentityService() {
        List<EnrollmentRequest> packets = seeded(0, 60, false);

        BatchResult result = Await.result(bulk.importBatch(packets, "importer"));

        assertThat(result.issued()).isEqualTo(60);
        for (int i = 0; i < packets.size(); i++) {
            Uin uin = ((BulkResult.Issued) result.results().get(i)).uin();
            JsonObject stored = Await.accepted(fixture.registry.identities().read(uin, "op"))
                    .fields();
            assertThat(stored).isEqualTo(packets.get(i).identity());
            EnrollmentOutcome outcome = Await.accepted(
                    fixture.registry.enrollments().outcome(packets.get(i).registrationId()));
            assertThat(outcome.status()).isEqualTo(EnrollmentStatus.ISSUED);
            assertThat(outcome.uin()).contains(uin);
        }
        assertThat(fixture.count("select count(*) from identity_versions")).isEqualTo(60);
        assertThat(fixture.count("select count(distinct uin) from blind_indexes"))
                .isEqualTo(60);
    }

    @Test
    void aRerunIsAnsweredWithTheFirstOutcomesAndWritesNothingNew() {
        List<EnrollmentRequest> packets = seeded(0, 40, false);
        BatchResult first = Await.result(bulk.importBatch(packets.subList(0, 25), "importer"));
        long indexes = fixture.count("select count(*) from blind_indexes");

        // The rerun overlaps the first batch and goes on past it, as a resumed seed does.
        BatchResult rerun = Await.result(bulk.importBatch(packets, "importer"));

        assertThat(rerun.existing()).isEqualTo(25);
        assertThat(rerun.issued()).isEqualTo(15);
        for (int i = 0; i < 25; i++) {
            Uin before = ((BulkResult.Issued) first.results().get(i)).uin();
            assertThat(((BulkResult.Existing) rerun.results().get(i)).earlier().uin())
                    .contains(before);
        }
        assertThat(fixture.count("select count(*) from identities")).isEqualTo(40);
        assertThat(fixture.count("select count(*) from blind_indexes")).isGreaterThan(indexes);
        assertThat(fixture.count("select count(*) from audit_pending where action = 'IDENTITY_ISSUED'"))
                .isEqualTo(40);
    }

    @Test
    void aSinglePacketSentAgainAfterABulkImportIsRecognisedAsTheSame() {
        List<EnrollmentRequest> packets = seeded(0, 3, false);
        BatchResult result = Await.result(bulk.importBatch(packets, "importer"));

        EnrollmentOutcome again = Await.accepted(fixture.registry.enrollments().enroll(packets.get(1), "op"));

        assertThat(again.uin()).contains(((BulkResult.Issued) result.results().get(1)).uin());
    }

    @Test
    void duplicatesAgainstTheTableAndWithinTheBatchAreParkedForAdjudication() {
        Uin amara = fixture.issue("single-1", Residents.person("Amara Okafor", "1990-01-15", "female"));
        List<EnrollmentRequest> packets = List.of(
                Residents.request("bulk-1", Residents.person("  AMARA okafór", "1990-01-15", "female")),
                Residents.request("bulk-2", Residents.person("Baraka Juma", "1985-03-02", "male")),
                Residents.request("bulk-3", Residents.person("Zawadi Achieng", "1979-07-07", "female")),
                Residents.request("bulk-4", Residents.person("baraka  JUMA", "1985-03-02", "male")));

        BatchResult result = Await.result(bulk.importBatch(packets, "importer"));

        assertThat(result.results().get(0))
                .isEqualTo(new BulkResult.Parked(packets.get(0).registrationId(), List.of(amara)));
        Uin baraka = ((BulkResult.Issued) result.results().get(1)).uin();
        assertThat(result.results().get(2)).isInstanceOf(BulkResult.Issued.class);
        assertThat(result.results().get(3))
                .isEqualTo(new BulkResult.Parked(packets.get(3).registrationId(), List.of(baraka)));
        EnrollmentOutcome parked = Await.accepted(
                fixture.registry.enrollments().outcome(packets.get(3).registrationId()));
        assertThat(parked.status()).isEqualTo(EnrollmentStatus.DUPLICATE_SUSPECTED);
        assertThat(parked.candidates()).containsExactly(baraka);
        // The parked packet was sealed as single enrollment seals it: adjudication opens it and issues.
        EnrollmentOutcome ruled = Await.accepted(fixture.registry
                .enrollments()
                .adjudicate(
                        packets.get(0).registrationId(),
                        new Adjudication(Adjudication.Decision.ISSUE, Optional.empty(), Optional.empty()),
                        "adjudicator"));
        assertThat(ruled.status()).isEqualTo(EnrollmentStatus.ISSUED);
    }

    @Test
    void invalidPacketsAreRefusedWithTheirViolationsAndTheRestImported() {
        List<EnrollmentRequest> packets = new ArrayList<>(seeded(0, 3, false));
        packets.add(
                1,
                Residents.request("bad-1", new JsonObject().put("fullName", "x").put("gender", "m")));

        BatchResult result = Await.result(bulk.importBatch(packets, "importer"));

        assertThat(result.issued()).isEqualTo(3);
        BulkResult.Refused refused = (BulkResult.Refused) result.results().get(1);
        assertThat(refused.code()).isEqualTo(RegistryError.VALIDATION_FAILED);
        assertThat(refused.violations()).isNotEmpty();
        assertThat(fixture.count("select count(*) from enrollments where registration_id = 'bad-1'"))
                .isZero();
    }

    @Test
    void theSameRegistrationIdWithOtherDataIsRefusedAsReused() {
        Await.result(bulk.importBatch(seeded(0, 2, false), "importer"));
        EnrollmentRequest other = Residents.request(
                SyntheticPopulation.registrationId(1).value(), Residents.person("Someone Else", "1970-01-01", "other"));

        BatchResult result = Await.result(bulk.importBatch(List.of(other), "importer"));

        assertThat(((BulkResult.Refused) result.results().get(0)).code())
                .isEqualTo(RegistryError.REGISTRATION_ID_REUSED);
    }

    @Test
    void theAuditChainVerifiesAfterABulkImportAndRecordsTheImport() {
        Await.result(bulk.importBatch(seeded(0, 50, false), "importer"));
        Await.result(bulk.importBatch(seeded(50, 30, false), "importer"));

        Await.result(fixture.registry.auditChainer().chainPending());
        AuditVerification verification =
                Await.result(fixture.registry.auditVerifier().verify());

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(82);
        assertThat(fixture.auditTrail("action"))
                .filteredOn("BULK_BATCH_IMPORTED"::equals)
                .hasSize(2);
        assertThat(fixture.rows("select details from audit_log where action = 'BULK_BATCH_IMPORTED'"))
                .allSatisfy(details -> assertThat(new JsonObject(details).getString("fingerprintDeduplication"))
                        .startsWith("not run"));
    }

    private List<EnrollmentRequest> seeded(long from, int count, boolean withFingerprints) {
        return LongStream.range(from, from + count)
                .mapToObj(i -> new EnrollmentRequest(
                        SyntheticPopulation.registrationId(i),
                        population.resident(i).identity(withFingerprints)))
                .toList();
    }
}
