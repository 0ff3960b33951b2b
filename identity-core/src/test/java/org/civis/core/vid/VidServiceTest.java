package org.civis.core.vid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.refusal.RegistryError;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.storage.Await;
import org.civis.core.uin.Verhoeff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VidServiceTest {
    private final RegistryFixture fixture = new RegistryFixture();
    private final VidService vids = fixture.registry.vids();
    private final Uin uin = fixture.issue("reg-1", Residents.full(1));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aPerpetualVidIsSixteenCheckedDigitsAndOneAtATime() {
        VirtualId vid = Await.accepted(vids.create(uin, VidRequest.of(VidType.PERPETUAL), "op"));
        assertThat(vid.vid().value()).hasSize(16);
        assertThat(Verhoeff.isValid(vid.vid().value())).isTrue();
        assertThat(vid.refusalAt(fixture.clock.instant().plus(Duration.ofDays(3650))))
                .isEmpty();
        assertThat(RegistryFixture.refusal(vids.create(uin, VidRequest.of(VidType.PERPETUAL), "op")))
                .isEqualTo(RegistryError.VID_LIMIT_REACHED);

        Await.accepted(vids.revoke(vid.vid(), "op"));
        assertThat(Await.accepted(vids.create(uin, VidRequest.of(VidType.PERPETUAL), "op"))
                        .vid())
                .isNotEqualTo(vid.vid());
    }

    @Test
    void anOperatorsLookupAndListingOfVidsAreAuditedAndTheUnauditedReadsWriteNothing() {
        VirtualId vid = Await.accepted(vids.create(uin, VidRequest.of(VidType.PERPETUAL), "op"));

        assertThat(Await.accepted(vids.find(vid.vid(), "clerk-9")).uin()).isEqualTo(uin);
        assertThat(Await.accepted(vids.list(uin, "clerk-9"))).hasSize(1);
        Await.accepted(vids.find(vid.vid()));
        Await.accepted(vids.list(uin));

        assertThat(fixture.auditTrail("action || ' ' || actor || ' ' || subject || ' ' || details").stream()
                        .filter(line -> line.startsWith("VID_READ")))
                .containsExactly(
                        "VID_READ clerk-9 " + uin.value() + " {\"type\":\"PERPETUAL\"}",
                        "VID_READ clerk-9 " + uin.value() + " {\"count\":1}");
    }

    @Test
    void aTemporaryVidExpiresAfterItsValidity() {
        VirtualId vid = Await.accepted(vids.create(
                uin, new VidRequest(VidType.TEMPORARY, Optional.of(Duration.ofMinutes(10)), Optional.of(5)), "op"));
        VirtualId stored = Await.accepted(vids.find(vid.vid()));
        assertThat(stored.refusalAt(fixture.clock.instant().plus(Duration.ofMinutes(9))))
                .isEmpty();
        assertThat(stored.refusalAt(fixture.clock.instant().plus(Duration.ofMinutes(10))))
                .contains(VirtualId.Refusal.VID_EXPIRED);
        assertThat(stored.maxUses()).contains(5);
    }

    @Test
    void aOneTimeVidAllowsExactlyOneUse() {
        VirtualId vid = Await.accepted(vids.create(uin, VidRequest.of(VidType.ONE_TIME), "op"));
        assertThat(vid.maxUses()).contains(1);
        VirtualId used = new VirtualId(
                vid.vid(), vid.uin(), vid.type(), false, vid.createdAt(), vid.expiresAt(), vid.maxUses(), 1);
        assertThat(used.refusalAt(fixture.clock.instant())).contains(VirtualId.Refusal.VID_USED_UP);
    }

    @Test
    void aRevokedVidIsRefusedAtOnceAndListedAsRevoked() {
        VirtualId vid = Await.accepted(vids.create(uin, VidRequest.of(VidType.TEMPORARY), "op"));
        Await.accepted(vids.revoke(vid.vid(), "resident"));
        assertThat(Await.accepted(vids.find(vid.vid())).refusalAt(fixture.clock.instant()))
                .contains(VirtualId.Refusal.VID_REVOKED);
        assertThat(Await.accepted(vids.list(uin)))
                .singleElement()
                .extracting(VirtualId::revoked)
                .isEqualTo(true);
        assertThat(fixture.auditTrail("action")).containsExactly("IDENTITY_ISSUED", "VID_CREATED", "VID_REVOKED");
    }

    @Test
    void onlyAnActiveIdentityGetsNewVids() {
        Await.accepted(
                fixture.registry.identities().changeStatus(uin, IdentityStatus.DEACTIVATED, Optional.empty(), "op"));
        assertThat(RegistryFixture.refusal(vids.create(uin, VidRequest.of(VidType.TEMPORARY), "op")))
                .isEqualTo(RegistryError.IDENTITY_STATE_CONFLICT);
    }

    @Test
    void requestsThatMakeNoSenseAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> new VidRequest(VidType.PERPETUAL, Optional.of(Duration.ofDays(1)), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VidRequest(VidType.ONE_TIME, Optional.empty(), Optional.of(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VidRequest(VidType.TEMPORARY, Optional.of(Duration.ofDays(400)), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
