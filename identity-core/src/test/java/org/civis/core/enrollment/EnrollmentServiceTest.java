package org.civis.core.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.core.registry.Residents.person;
import static org.civis.core.registry.Residents.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.core.id.RegistrationId;
import org.civis.core.id.Uin;
import org.civis.core.refusal.Refusal;
import org.civis.core.refusal.RegistryError;
import org.civis.core.refusal.Result;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.schema.ViolationCode;
import org.civis.core.storage.Await;
import org.civis.core.uin.Verhoeff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrollmentServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final EnrollmentService enrollments = fixture.registry.enrollments();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anOperatorsReadOfAnOutcomeIsAuditedUnderTheRegistrationId() {
        fixture.issue("reg-read-1", Residents.full(1));

        assertThat(Await.accepted(enrollments.outcome(new RegistrationId("reg-read-1"), "clerk-9"))
                        .status())
                .isEqualTo(EnrollmentStatus.ISSUED);
        assertThat(RegistryFixture.refusal(enrollments.outcome(new RegistrationId("reg-none"), "clerk-9")))
                .isEqualTo(RegistryError.ENROLLMENT_NOT_FOUND);

        assertThat(fixture.auditTrail("action || ' ' || actor || ' ' || subject").stream()
                        .filter(line -> line.startsWith("ENROLLMENT_READ")))
                .containsExactly("ENROLLMENT_READ clerk-9 reg-read-1");
    }

    @Test
    void threeResidentsGetThreeDistinctUinsThatPassTheVerhoeffCheck() {
        Set<String> uins = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            EnrollmentOutcome outcome = enroll("reg-" + i, Residents.full(i));
            assertThat(outcome.status()).isEqualTo(EnrollmentStatus.ISSUED);
            String uin = outcome.uin().orElseThrow().value();
            assertThat(uin).hasSize(10);
            assertThat(Verhoeff.isValid(uin)).isTrue();
            uins.add(uin);
        }
        assertThat(uins).hasSize(3);
        assertThat(fixture.count("select count(*) from identities")).isEqualTo(3);
    }

    @Test
    void resendingARegistrationIdReturnsTheFirstOutcomeAndNoSecondIdentity() {
        EnrollmentOutcome first = enroll("reg-1", Residents.full(1));
        EnrollmentOutcome again = enroll("reg-1", Residents.full(1));
        assertThat(again.uin()).isEqualTo(first.uin());
        assertThat(again.status()).isEqualTo(EnrollmentStatus.ISSUED);
        assertThat(fixture.count("select count(*) from identities")).isEqualTo(1);
    }

    @Test
    void theSamePacketWithItsKeysInAnotherOrderIsStillARetry() {
        JsonObject packet = Residents.full(1);
        List<String> names = new ArrayList<>(packet.fieldNames());
        Collections.reverse(names);
        JsonObject reordered = new JsonObject();
        names.forEach(k -> reordered.put(k, packet.getValue(k)));
        EnrollmentOutcome first = enroll("reg-1", packet);
        assertThat(enroll("reg-1", reordered).uin()).isEqualTo(first.uin());
    }

    @Test
    void aRegistrationIdReusedForOtherDataIsRefused() {
        enroll("reg-1", Residents.full(1));
        assertThat(RegistryFixture.refusal(enrollments.enroll(request("reg-1", Residents.full(2)), "op")))
                .isEqualTo(RegistryError.REGISTRATION_ID_REUSED);
        assertThat(fixture.count("select count(*) from identities")).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneRegistrationIdMakeOneIdentity() {
        List<Future<Result<EnrollmentOutcome>>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(enrollments.enroll(request("reg-race", Residents.full(7)), "op"));
        }
        Await.result(Future.all(retries));
        Set<Optional<Uin>> uins = new HashSet<>();
        retries.forEach(f -> uins.add(f.result().orElseThrow().uin()));
        assertThat(uins).hasSize(1).doesNotContain(Optional.empty());
        assertThat(fixture.count("select count(*) from identities")).isEqualTo(1);
    }

    @Test
    void aNearIdenticalResidentIsSuspectedAsADuplicate() {
        Uin original = enroll("reg-1", person("José María García", "1990-02-03", "male"))
                .uin()
                .orElseThrow();
        EnrollmentOutcome twin = enroll("reg-2", person("  JOSE  maria   garcia ", "1990-02-03", "male"));
        assertThat(twin.status()).isEqualTo(EnrollmentStatus.DUPLICATE_SUSPECTED);
        assertThat(twin.candidates()).containsExactly(original);
        assertThat(twin.uin()).isEmpty();
        assertThat(fixture.count("select count(*) from identities")).isEqualTo(1);
    }

    @Test
    void aNameThatMatchesInAnyLanguageIsSuspected() {
        JsonObject bilingual = person("Amina Yusuf", "1985-07-09", "female");
        bilingual.getJsonObject("fullName").put("ara", "أمينة يوسف");
        enroll("reg-1", bilingual);
        JsonObject arabicOnly =
                person("x", "1985-07-09", "female").put("fullName", new JsonObject().put("ara", "أمينة يوسف"));
        assertThat(enroll("reg-2", arabicOnly).status()).isEqualTo(EnrollmentStatus.DUPLICATE_SUSPECTED);
    }

    @Test
    void theSameNameWithAnotherBirthDateOrGenderIsIssued() {
        enroll("reg-1", person("Li Wei", "1990-02-03", "male"));
        assertThat(enroll("reg-2", person("Li Wei", "1991-02-03", "male")).status())
                .isEqualTo(EnrollmentStatus.ISSUED);
        assertThat(enroll("reg-3", person("Li Wei", "1990-02-03", "female")).status())
                .isEqualTo(EnrollmentStatus.ISSUED);
    }

    @Test
    void twoEnrollmentsOfOnePersonAtOnceDoNotBothGetAUin() {
        List<Future<Result<EnrollmentOutcome>>> both = List.of(
                enrollments.enroll(request("reg-a", person("Chidi Okeke", "1979-11-30", "male")), "op"),
                enrollments.enroll(request("reg-b", person("CHIDI OKEKE", "1979-11-30", "male")), "op"));
        Await.result(Future.all(both));
        List<EnrollmentStatus> statuses = both.stream()
                .map(f -> f.result().orElseThrow().status())
                .sorted()
                .toList();
        assertThat(statuses).containsExactly(EnrollmentStatus.ISSUED, EnrollmentStatus.DUPLICATE_SUSPECTED);
    }

    @Test
    void invalidDataIsRefusedWithEveryViolationAndWritesNothing() {
        JsonObject bad = person("Valid Name", "1990-13-40", "robot")
                .put("phone", "0712 345")
                .put("shoeSize", 44);
        Refusal refused = RegistryFixture.refused(enrollments.enroll(request("reg-1", bad), "op"));
        assertThat(refused.code()).isEqualTo(RegistryError.VALIDATION_FAILED);
        assertThat(refused.violations())
                .extracting(v -> v.path() + " " + v.code())
                .contains(
                        "/identity/dateOfBirth " + ViolationCode.DATE_FORMAT,
                        "/identity/gender " + ViolationCode.FIELD_VALUE_NOT_ALLOWED,
                        "/identity/phone " + ViolationCode.PHONE_FORMAT,
                        "/identity " + ViolationCode.FIELD_UNKNOWN);
        assertThat(fixture.count("select count(*) from enrollments")).isZero();
        assertThat(fixture.count("select count(*) from audit_pending")
                        + fixture.count("select count(*) from audit_log"))
                .isZero();
    }

    @Test
    void uinsStayUniqueUnderManyConcurrentEnrollments() {
        List<Future<Result<EnrollmentOutcome>>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(enrollments.enroll(request("bulk-" + i, Residents.full(1000 + i)), "op"));
        }
        Await.result(Future.all(all));
        assertThat(fixture.count("select count(distinct uin) from identities")).isEqualTo(200);
        assertThat(fixture.auditTrail("action")).hasSize(200);
        assertThat(Await.result(fixture.registry.auditVerifier().verify()).intact())
                .isTrue();
    }

    @Test
    void issuanceAuditsTheUinAndTheRegistrationId() {
        Uin uin = enroll("reg-1", Residents.full(1)).uin().orElseThrow();
        assertThat(fixture.auditTrail("action || ' ' || subject || ' ' || details"))
                .containsExactly("IDENTITY_ISSUED " + uin.value() + " {\"registrationId\":\"reg-1\"}");
    }

    @Test
    void anAdjudicatorCanIssueASuspectedDuplicateAfterAll() {
        Uin first = enroll("reg-1", person("Maria Silva", "1970-01-01", "female"))
                .uin()
                .orElseThrow();
        enroll("reg-2", person("Maria Silva", "1970-01-01", "female"));
        EnrollmentOutcome ruled =
                adjudicate("reg-2", new Adjudication(Adjudication.Decision.ISSUE, Optional.empty(), Optional.empty()));
        assertThat(ruled.status()).isEqualTo(EnrollmentStatus.ISSUED);
        assertThat(ruled.uin()).isPresent().isNotEqualTo(Optional.of(first));
        assertThat(Await.accepted(enrollments.outcome(new RegistrationId("reg-2")))
                        .uin())
                .isEqualTo(ruled.uin());
        assertThat(fixture.count("select count(*) from enrollments where ciphertext is not null"))
                .isZero();
    }

    @Test
    void anAdjudicatorCanLinkASuspectedDuplicateToTheExistingIdentity() {
        Uin first = enroll("reg-1", person("Maria Silva", "1970-01-01", "female"))
                .uin()
                .orElseThrow();
        enroll("reg-2", person("Maria Silva", "1970-01-01", "female"));
        EnrollmentOutcome ruled =
                adjudicate("reg-2", new Adjudication(Adjudication.Decision.LINK, Optional.of(first), Optional.empty()));
        assertThat(ruled.status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(ruled.linkedUin()).contains(first);
        assertThat(ruled.reasons()).containsExactly("DUPLICATE_OF_EXISTING");
        assertThat(fixture.count("select count(*) from identities")).isEqualTo(1);
    }

    @Test
    void aRejectionKeepsItsReasonAndForgetsThePacket() {
        enroll("reg-1", person("Maria Silva", "1970-01-01", "female"));
        enroll("reg-2", person("Maria Silva", "1970-01-01", "female"));
        assertThat(fixture.count("select count(*) from enrollments where ciphertext is not null"))
                .isEqualTo(1);
        EnrollmentOutcome ruled = adjudicate(
                "reg-2",
                new Adjudication(
                        Adjudication.Decision.REJECT,
                        Optional.empty(),
                        Optional.of(new org.civis.core.id.ReasonCode("FRAUD_SUSPECTED"))));
        assertThat(ruled.status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(ruled.reasons()).containsExactly("FRAUD_SUSPECTED");
        assertThat(fixture.count("select count(*) from enrollments where ciphertext is not null"))
                .isZero();
    }

    @Test
    void onlyAPendingEnrollmentCanBeAdjudicatedAndOnlyToACandidate() {
        enroll("reg-1", person("Maria Silva", "1970-01-01", "female"));
        Adjudication issue = new Adjudication(Adjudication.Decision.ISSUE, Optional.empty(), Optional.empty());
        assertThat(RegistryFixture.refusal(enrollments.adjudicate(new RegistrationId("reg-1"), issue, "op")))
                .isEqualTo(RegistryError.ENROLLMENT_NOT_PENDING);
        assertThat(RegistryFixture.refusal(enrollments.adjudicate(new RegistrationId("nope"), issue, "op")))
                .isEqualTo(RegistryError.ENROLLMENT_NOT_FOUND);

        Uin other = enroll("reg-x", person("Someone Else", "1960-01-01", "male"))
                .uin()
                .orElseThrow();
        enroll("reg-2", person("Maria Silva", "1970-01-01", "female"));
        Adjudication wrongLink = new Adjudication(Adjudication.Decision.LINK, Optional.of(other), Optional.empty());
        assertThat(RegistryFixture.refusal(enrollments.adjudicate(new RegistrationId("reg-2"), wrongLink, "op")))
                .isEqualTo(RegistryError.VALIDATION_FAILED);
    }

    private EnrollmentOutcome enroll(String registrationId, JsonObject identity) {
        return Await.accepted(enrollments.enroll(request(registrationId, identity), "operator-1"));
    }

    private EnrollmentOutcome adjudicate(String registrationId, Adjudication ruling) {
        return Await.accepted(enrollments.adjudicate(new RegistrationId(registrationId), ruling, "adj-1"));
    }
}
