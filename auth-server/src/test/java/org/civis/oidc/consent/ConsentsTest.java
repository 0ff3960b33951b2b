package org.civis.oidc.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;
import org.civis.core.registry.SettableClock;
import org.civis.core.storage.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsentsTest {
    private static final Uin AMARA = new Uin("2749503865");
    private static final Uin CHIDI = new Uin("5995707374");
    private static final PartnerId BANK = new PartnerId("bank-1");
    private static final PartnerId TELCO = new PartnerId("telco-1");

    private final Vertx vertx = Vertx.vertx();
    private final Pool pool = TestDatabase.fresh().pool(vertx, 2);
    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final Consents consents = new Consents(pool, clock);

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aGrantedConsentIsFoundForThatResidentAndClientOnly() throws Exception {
        await(consents.grant(AMARA, BANK, Set.of("name", "birthdate"), Duration.ofDays(90)));

        Consents.Consent consent = await(consents.find(AMARA, BANK)).orElseThrow();
        assertThat(consent.client()).isEqualTo(BANK);
        assertThat(consent.claims()).containsExactlyInAnyOrder("name", "birthdate");
        assertThat(consent.grantedAt()).isEqualTo(clock.instant());
        assertThat(consent.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
        assertThat(consent.covers(Set.of("name"))).isTrue();
        assertThat(consent.covers(Set.of("name", "email"))).isFalse();
        assertThat(await(consents.find(AMARA, TELCO))).isEmpty();
        assertThat(await(consents.find(CHIDI, BANK))).isEmpty();
    }

    @Test
    void anExpiredConsentIsAsGoodAsNone() throws Exception {
        await(consents.grant(AMARA, BANK, Set.of("name"), Duration.ofDays(1)));

        clock.advance(Duration.ofDays(1));

        assertThat(await(consents.find(AMARA, BANK))).isEmpty();
        assertThat(await(consents.list(AMARA))).isEmpty();
    }

    @Test
    void aNewGrantReplacesTheOldOne() throws Exception {
        await(consents.grant(AMARA, BANK, Set.of("name"), Duration.ofDays(1)));
        clock.advance(Duration.ofHours(1));

        await(consents.grant(AMARA, BANK, Set.of("email"), Duration.ofDays(2)));

        Consents.Consent consent = await(consents.find(AMARA, BANK)).orElseThrow();
        assertThat(consent.claims()).containsExactly("email");
        assertThat(consent.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(2)));
        assertThat(await(consents.list(AMARA))).hasSize(1);
    }

    @Test
    void theResidentListsAndRevokesTheirConsents() throws Exception {
        await(consents.grant(AMARA, BANK, Set.of("name"), Duration.ofDays(1)));
        clock.advance(Duration.ofMinutes(1));
        await(consents.grant(AMARA, TELCO, Set.of("phone_number"), Duration.ofDays(1)));
        await(consents.grant(CHIDI, BANK, Set.of("name"), Duration.ofDays(1)));

        assertThat(await(consents.list(AMARA)))
                .extracting(Consents.Consent::client)
                .containsExactly(TELCO, BANK);

        assertThat(await(consents.revoke(AMARA, BANK))).isTrue();
        assertThat(await(consents.revoke(AMARA, BANK))).isFalse();
        assertThat(await(consents.find(AMARA, BANK))).isEmpty();
        assertThat(await(consents.find(CHIDI, BANK))).isPresent();
    }
}
