package org.civis.core.authfacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civis.core.id.Uin;
import org.civis.core.identity.IdentityStatus;
import org.civis.core.lock.AuthType;
import org.civis.core.registry.RegistryFixture;
import org.civis.core.registry.Residents;
import org.civis.core.storage.Await;
import org.civis.core.uin.Verhoeff;
import org.civis.core.vid.VidRequest;
import org.civis.core.vid.VidType;
import org.civis.core.vid.VirtualId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthFactsReaderTest {
    private final List<Uin> told = new CopyOnWriteArrayList<>();
    private final RegistryFixture fixture = new RegistryFixture(uin -> {
        told.add(uin);
        return Future.succeededFuture();
    });
    private final AuthFactsReader reader = fixture.registry.authFacts();
    private final Uin uin = fixture.issue("reg-1", Residents.full(1));

    @AfterEach
    void close() {
        fixture.close();
    }

    private AuthFacts facts() {
        return Await.result(reader.load(uin)).orElseThrow();
    }

    @Test
    void factsCarryStatusDataLocksAndVids() {
        VirtualId vid = Await.accepted(fixture.registry.vids().create(uin, VidRequest.of(VidType.TEMPORARY), "op"));
        Await.accepted(fixture.registry.locks().lock(uin, Set.of(AuthType.OTP), "op"));

        AuthFacts facts = facts();

        assertThat(facts.status()).isEqualTo(IdentityStatus.ACTIVE);
        assertThat(facts.fields().getJsonObject("fullName"))
                .isEqualTo(Residents.full(1).getJsonObject("fullName"));
        assertThat(facts.locks().get(AuthType.OTP).locked()).isTrue();
        assertThat(facts.locks().get(AuthType.DEMO).locked()).isFalse();
        assertThat(facts.vids()).extracting(VirtualId::vid).containsExactly(vid.vid());
        assertThat(Await.result(reader.ownerOf(vid.vid()))).contains(uin);
    }

    @Test
    void everyAuthRelevantChangeRaisesTheRevisionAndIsReported() {
        long issued = facts().revision();

        Await.accepted(fixture.registry.locks().lock(uin, Set.of(AuthType.DEMO), "op"));
        long locked = facts().revision();
        Await.accepted(
                fixture.registry.locks().unlock(uin, Set.of(AuthType.DEMO), Optional.of(Duration.ofMinutes(5)), "op"));
        long unlocked = facts().revision();
        VirtualId vid = Await.accepted(fixture.registry.vids().create(uin, VidRequest.of(VidType.PERPETUAL), "op"));
        long vidCreated = facts().revision();
        Await.accepted(fixture.registry.vids().revoke(vid.vid(), "op"));
        long vidRevoked = facts().revision();
        Await.accepted(fixture.registry.identities().update(uin, new JsonObject().put("phone", "+254700000001"), "op"));
        long updated = facts().revision();
        Await.accepted(
                fixture.registry.identities().changeStatus(uin, IdentityStatus.DEACTIVATED, Optional.empty(), "op"));
        long deactivated = facts().revision();

        assertThat(List.of(issued, locked, unlocked, vidCreated, vidRevoked, updated, deactivated))
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(facts().status()).isEqualTo(IdentityStatus.DEACTIVATED);
        assertThat(told).hasSize(6).containsOnly(uin);
    }

    @Test
    void aOneTimeVidCanBeUsedOnceEvenWhenTwoUsesRace() {
        VirtualId vid = Await.accepted(fixture.registry.vids().create(uin, VidRequest.of(VidType.ONE_TIME), "op"));

        Future<Boolean> first = fixture.registry.vids().recordUse(vid.vid(), uin, fixture.clock.instant());
        Future<Boolean> second = fixture.registry.vids().recordUse(vid.vid(), uin, fixture.clock.instant());

        assertThat(List.of(Await.result(first), Await.result(second))).containsExactlyInAnyOrder(true, false);
        VirtualId used = facts().vids().get(0);
        assertThat(used.refusalAt(fixture.clock.instant())).contains(VirtualId.Refusal.VID_USED_UP);
    }

    @Test
    void anUnknownUinOrVidHasNoFacts() {
        assertThat(Await.result(reader.load(new Uin("234567890" + Verhoeff.checkDigit("234567890")))))
                .isEmpty();
    }
}
