package org.civis.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.core.registry.Residents.person;
import static org.civis.core.registry.Residents.request;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.civis.core.enrollment.EnrollmentStatus;
import org.civis.core.id.ReasonCode;
import org.civis.core.id.Uin;
import org.civis.core.refusal.RegistryError;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.storage.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdentityServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final IdentityService identities = fixture.registry.identities();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anUpdateMakesANewVersionAndKeepsTheOldOne() {
        Uin uin = fixture.issue("reg-1", Residents.full(1));
        Identity updated = Await.accepted(identities.update(uin, new JsonObject().put("phone", "+254700111222"), "op"));
        assertThat(updated.version()).isEqualTo(2);

        assertThat(Await.accepted(identities.read(uin, "op")).fields().getString("phone"))
                .isEqualTo("+254700111222");
        Identity first = Await.accepted(identities.readVersion(uin, 1, "op"));
        assertThat(first.fields().getString("phone"))
                .isEqualTo(Residents.full(1).getString("phone"));
        assertThat(first.currentVersion()).isEqualTo(2);
    }

    @Test
    void anUpdateThatBreaksTheSchemaIsRefusedAndChangesNothing() {
        Uin uin = fixture.issue("reg-1", Residents.full(1));
        assertThat(RegistryFixture.refusal(identities.update(uin, new JsonObject().put("email", "not-an-email"), "op")))
                .isEqualTo(RegistryError.VALIDATION_FAILED);
        assertThat(RegistryFixture.refusal(identities.update(uin, new JsonObject().putNull("dateOfBirth"), "op")))
                .isEqualTo(RegistryError.VALIDATION_FAILED);
        assertThat(Await.accepted(identities.read(uin, "op")).version()).isEqualTo(1);
    }

    @Test
    void anUpdatedNameIsWhatDeduplicationComparesAgainst() {
        Uin uin = fixture.issue("reg-1", person("Old Name", "1990-01-01", "male"));
        Await.accepted(identities.update(
                uin, new JsonObject().put("fullName", new JsonObject().put("eng", "New Name")), "op"));
        assertThat(enroll("reg-2", person("Old Name", "1990-01-01", "male"))).isEqualTo(EnrollmentStatus.ISSUED);
        assertThat(enroll("reg-3", person("new name", "1990-01-01", "male")))
                .isEqualTo(EnrollmentStatus.DUPLICATE_SUSPECTED);
    }

    @Test
    void statusMovesThroughTheLifecycleAndRevocationIsFinal() {
        Uin uin = fixture.issue("reg-1", Residents.full(1));
        assertThat(Await.accepted(identities.changeStatus(uin, IdentityStatus.DEACTIVATED, reason("DECEASED"), "op")))
                .isEqualTo(IdentityStatus.DEACTIVATED);
        assertThat(Await.accepted(identities.status(uin))).isEqualTo(IdentityStatus.DEACTIVATED);
        assertThat(Await.accepted(identities.changeStatus(uin, IdentityStatus.ACTIVE, Optional.empty(), "op")))
                .isEqualTo(IdentityStatus.ACTIVE);
        assertThat(Await.accepted(identities.changeStatus(uin, IdentityStatus.REVOKED, reason("FRAUD"), "op")))
                .isEqualTo(IdentityStatus.REVOKED);

        assertThat(RegistryFixture.refusal(identities.changeStatus(uin, IdentityStatus.ACTIVE, Optional.empty(), "op")))
                .isEqualTo(RegistryError.IDENTITY_STATE_CONFLICT);
        assertThat(RegistryFixture.refusal(
                        identities.update(uin, new JsonObject().put("phone", "+254700111222"), "op")))
                .isEqualTo(RegistryError.IDENTITY_STATE_CONFLICT);
        assertThat(fixture.auditTrail("action"))
                .containsExactly("IDENTITY_ISSUED", "IDENTITY_DEACTIVATED", "IDENTITY_REACTIVATED", "IDENTITY_REVOKED");
    }

    @Test
    void askingForTheStatusAnIdentityHasIsHarmless() {
        Uin uin = fixture.issue("reg-1", Residents.full(1));
        assertThat(Await.accepted(identities.changeStatus(uin, IdentityStatus.ACTIVE, Optional.empty(), "op")))
                .isEqualTo(IdentityStatus.ACTIVE);
        assertThat(fixture.auditTrail("action")).hasSize(1);
    }

    @Test
    void everyReadOfPersonalDataIsAudited() {
        Uin uin = fixture.issue("reg-1", Residents.full(1));
        Await.accepted(identities.read(uin, "clerk-9"));
        Await.accepted(identities.readVersion(uin, 1, "clerk-9"));
        assertThat(fixture.auditTrail("action || ' ' || actor").stream()
                        .filter(line -> line.startsWith("IDENTITY_READ")))
                .containsExactly("IDENTITY_READ clerk-9", "IDENTITY_READ clerk-9");
    }

    @Test
    void anUnknownUinIsNotFound() {
        assertThat(RegistryFixture.refusal(identities.read(new Uin("234567890" + checkDigit("234567890")), "op")))
                .isEqualTo(RegistryError.IDENTITY_NOT_FOUND);
    }

    private static Optional<ReasonCode> reason(String code) {
        return Optional.of(new ReasonCode(code));
    }

    private static String checkDigit(String body) {
        return String.valueOf(org.civis.core.uin.Verhoeff.checkDigit(body));
    }

    private EnrollmentStatus enroll(String registrationId, JsonObject identity) {
        return Await.accepted(fixture.registry.enrollments().enroll(request(registrationId, identity), "op"))
                .status();
    }
}
