package org.civis.core.enrollment.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.LongStream;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.biometrics.CapturedFingerprint;
import org.civis.core.biometrics.EnrolledFingerprint;
import org.civis.core.biometrics.FingerprintExtractor;
import org.civis.core.biometrics.FingerprintSearch;
import org.civis.core.biometrics.FingerprintVerification;
import org.civis.core.biometrics.PreparedFingerprint;
import org.civis.core.enrollment.EnrollmentRequest;
import org.civis.core.id.Uin;
import org.civis.core.population.SyntheticPopulation;
import org.civis.core.population.SyntheticResident;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.storage.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fingerprints of bulk-imported residents are stored as single enrollment stores them. */
class BulkFingerprintTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final Biometrics biometrics = fixture.registry.biometrics();
    private final SyntheticPopulation population = new SyntheticPopulation(11);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void seededFingerprintsAuthenticateOneToOneAndAreInTheGallery() {
        List<EnrollmentRequest> packets = LongStream.range(0, 6)
                .mapToObj(i -> new EnrollmentRequest(
                        SyntheticPopulation.registrationId(i),
                        population.resident(i).identity(true)))
                .toList();
        BatchResult result = Await.result(fixture.registry.bulkEnrollments().importBatch(packets, "importer"));
        assertThat(result.issued()).isEqualTo(6);

        Await.result(biometrics.gallery().catchUp());
        assertThat(biometrics.gallery().size()).isEqualTo(6);
        for (int i = 0; i < packets.size(); i++) {
            Uin uin = ((BulkResult.Issued) result.results().get(i)).uin();
            SyntheticResident resident = population.resident(i);
            List<EnrolledFingerprint> enrolled = Await.result(biometrics.store().read(fixture.pool, uin));
            assertThat(enrolled).hasSize(SyntheticResident.FINGERS.size());

            assertThat(matched(biometrics.verify(captured(resident.fingerprintProbe(1)), enrolled)))
                    .as("resident %d's own fingers", i)
                    .isTrue();
            SyntheticResident other = population.resident((i + 1) % packets.size());
            assertThat(matched(biometrics.verify(captured(other.fingerprintProbe(1)), enrolled)))
                    .as("another resident's fingers")
                    .isFalse();

            List<PreparedFingerprint> probe = captured(resident.fingerprintProbe(2)).stream()
                    .map(finger -> ((FingerprintExtractor.Extraction.Extracted)
                                    new FingerprintExtractor(12).extract(finger))
                            .prepared())
                    .toList();
            FingerprintSearch.Result found = Await.result(biometrics.gallery().search(probe, 40, 5));
            assertThat(found.candidates()).extracting(c -> c.uin()).containsExactly(uin);
        }
    }

    private static boolean matched(io.vertx.core.Future<FingerprintVerification> verification) {
        return Await.result(verification) instanceof FingerprintVerification.Compared compared && compared.matched();
    }

    private static List<CapturedFingerprint> captured(JsonArray entries) {
        return entries.stream()
                .map(entry -> CapturedFingerprint.fromJson((JsonObject) entry))
                .toList();
    }
}
