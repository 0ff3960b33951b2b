package org.civis.oidc.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.EntryMac;
import org.civis.core.registry.SettableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private static final EntryMac MAC = new EntryMac(new SecretKeySpec(new byte[32], "HmacSHA256"));
    private static HazelcastInstance member;

    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private AccessTokens tokens;

    @BeforeAll
    static void start() {
        member = TestMember.start();
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    private AccessTokens tokens() {
        if (tokens == null) {
            tokens = new AccessTokens(member, MAC, Duration.ofMinutes(5), clock);
        }
        return tokens;
    }

    @Test
    void anIssuedTokenCarriesItsSignInAndOnlyItsDigestIsHeld() {
        SignedIn signedIn = IdTokensTest.signedIn(clock.instant());

        AccessTokens.Issued issued = await(tokens().issue(signedIn, Optional.of("thumb-1")));

        assertThat(issued.token()).hasSize(43);
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(5));
        AccessTokens.Held held = await(tokens().find(issued.token())).orElseThrow();
        assertThat(held.signedIn()).isEqualTo(signedIn);
        assertThat(held.dpopThumbprint()).contains("thumb-1");
        assertThat(member.getMap(ClusterMaps.OIDC_ACCESS_TOKENS).keySet())
                .contains(AccessTokens.digest(issued.token()))
                .doesNotContain(issued.token());
    }

    @Test
    void aBearerTokenHasNoThumbprint() {
        AccessTokens.Issued issued = await(tokens().issue(IdTokensTest.signedIn(clock.instant()), Optional.empty()));

        assertThat(await(tokens().find(issued.token())).orElseThrow().dpopThumbprint())
                .isEmpty();
    }

    @Test
    void anUnknownOrMalformedTokenFindsNothing() {
        assertThat(await(tokens().find("A".repeat(43)))).isEmpty();
        assertThat(await(tokens().find("short"))).isEmpty();
        assertThat(await(tokens().find(null))).isEmpty();
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() {
        AccessTokens.Issued issued = await(tokens().issue(IdTokensTest.signedIn(clock.instant()), Optional.empty()));

        clock.advance(Duration.ofMinutes(5));

        assertThat(await(tokens().find(issued.token()))).isEmpty();
    }

    @Test
    void revokingTheGrantStopsEveryTokenIssuedUnderIt() {
        SignedIn signedIn = IdTokensTest.signedIn(clock.instant());
        AccessTokens.Issued first = await(tokens().issue(signedIn, Optional.empty()));
        AccessTokens.Issued second = await(tokens().issue(signedIn, Optional.empty()));

        await(tokens().revokeGrant(signedIn.grantId()));

        assertThat(await(tokens().find(first.token()))).isEmpty();
        assertThat(await(tokens().find(second.token()))).isEmpty();
        await(tokens().revokeGrant("another-grant"));
    }

    @Test
    void anEntryWrittenByAMemberWithoutTheKeyIsRefused() {
        AccessTokens.Issued issued = await(tokens().issue(IdTokensTest.signedIn(clock.instant()), Optional.empty()));
        AccessTokens forger = new AccessTokens(
                member,
                new EntryMac(new SecretKeySpec(new byte[] {7, 7, 7}, "HmacSHA256")),
                Duration.ofMinutes(5),
                clock);

        assertThat(await(forger.find(issued.token()))).isEmpty();
    }

    @Test
    void aStretchedExpiryIsAForgery() {
        AccessTokens.Issued issued = await(tokens().issue(IdTokensTest.signedIn(clock.instant()), Optional.empty()));
        String digest = AccessTokens.digest(issued.token());
        HeldToken held =
                (HeldToken) member.getMap(ClusterMaps.OIDC_ACCESS_TOKENS).get(digest);
        HeldToken stretched = new HeldToken(
                held.grantId(),
                held.client(),
                held.subject(),
                held.uin(),
                held.authTimeMillis(),
                held.acr(),
                held.amr(),
                held.nonce(),
                held.scopes(),
                held.claims(),
                held.idTokenClaims(),
                held.dpopThumbprint(),
                held.expiresAtMillis() + 3_600_000,
                held.tag());
        member.getMap(ClusterMaps.OIDC_ACCESS_TOKENS).set(digest, stretched);

        assertThat(await(tokens().find(issued.token()))).isEmpty();
    }

    static <T> T await(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
