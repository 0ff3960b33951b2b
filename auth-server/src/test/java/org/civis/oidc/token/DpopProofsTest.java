package org.civis.oidc.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.civis.auth.keys.TestKeys;
import org.civis.core.refusal.Result;
import org.civis.core.registry.SettableClock;
import org.civis.oidc.OAuthError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proofs made by Nimbus's client-side {@link DefaultDPoPProofFactory}. */
class DpopProofsTest {
    private static final URI TOKEN = URI.create("https://id.example.gov/oidc/token");
    private static final URI USERINFO = URI.create("https://id.example.gov/oidc/userinfo");
    private static final ECKey P256 = TestKeys.p256("dpop-ec");
    private static final RSAKey RSA = TestKeys.rsa(2048, "dpop-rsa");
    private static final OctetKeyPair ED25519 = TestKeys.ed25519("dpop-ed");
    private static HazelcastInstance member;

    private final SettableClock clock = new SettableClock(Instant.now());

    @BeforeAll
    static void start() {
        member = TestMember.start();
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    private Result<String> check(String proof, String method, URI uri, Optional<String> token) {
        return AccessTokensTest.await(new DpopProofs(member, clock).check(proof, method, uri, token));
    }

    private static JWK key(String alg) {
        return switch (alg) {
            case "ES256" -> P256;
            case "PS256" -> RSA;
            default -> ED25519;
        };
    }

    private static DefaultDPoPProofFactory factory(String alg) throws Exception {
        return new DefaultDPoPProofFactory(key(alg), JWSAlgorithm.parse(alg));
    }

    private static void assertRefused(Result<String> result, String messagePart) {
        assertThat(result).isInstanceOf(Result.Refused.class);
        Result.Refused<String> refused = (Result.Refused<String>) result;
        assertThat(refused.refusal().code()).isEqualTo(OAuthError.INVALID_DPOP_PROOF);
        assertThat(refused.refusal().message()).contains(messagePart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "PS256", "EdDSA"})
    void aTokenRequestProofAnswersTheKeyThumbprint(String alg) throws Exception {
        String proof = factory(alg).createDPoPJWT("POST", TOKEN).serialize();

        String thumbprint = check(proof, "POST", TOKEN, Optional.empty()).orElseThrow();

        assertThat(thumbprint).isEqualTo(key(alg).computeThumbprint().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "PS256", "EdDSA"})
    void aResourceProofMustHashTheAccessToken(String alg) throws Exception {
        DPoPAccessToken token = new DPoPAccessToken("the-access-token");
        String proof = factory(alg).createDPoPJWT("GET", USERINFO, token).serialize();

        assertThat(check(proof, "GET", USERINFO, Optional.of("the-access-token"))
                        .orElseThrow())
                .isEqualTo(key(alg).computeThumbprint().toString());
        String other = factory(alg).createDPoPJWT("GET", USERINFO, token).serialize();
        assertRefused(check(other, "GET", USERINFO, Optional.of("another-token")), "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "PS256", "EdDSA"})
    void aReplayedProofIsRefused(String alg) throws Exception {
        String proof = factory(alg).createDPoPJWT("POST", TOKEN).serialize();
        assertThat(check(proof, "POST", TOKEN, Optional.empty())).isInstanceOf(Result.Accepted.class);

        assertRefused(check(proof, "POST", TOKEN, Optional.empty()), "jti was already used");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "PS256", "EdDSA"})
    void aProofForAnotherMethodOrUriIsRefused(String alg) throws Exception {
        String proof = factory(alg)
                .createDPoPJWT("POST", URI.create("https://other.example/token"))
                .serialize();
        String get = factory(alg).createDPoPJWT("GET", TOKEN).serialize();

        assertRefused(check(proof, "POST", TOKEN, Optional.empty()), "");
        assertRefused(check(get, "POST", TOKEN, Optional.empty()), "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA"})
    void anOldProofIsRefused(String alg) throws Exception {
        String proof = factory(alg)
                .createDPoPJWT(
                        new JWTID(), "POST", TOKEN, Date.from(clock.instant().minusSeconds(120)), null)
                .serialize();

        assertRefused(check(proof, "POST", TOKEN, Optional.empty()), "");
    }

    @Test
    void aProofOfTheWrongTypeOrWithoutAKeyIsRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID("j-1")
                .claim("htm", "POST")
                .claim("htu", TOKEN.toString())
                .issueTime(Date.from(clock.instant()))
                .build();
        SignedJWT plainJwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .jwk(P256.toPublicJWK())
                        .build(),
                claims);
        plainJwt.sign(new ECDSASigner(P256));
        SignedJWT noKey = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("dpop+jwt"))
                        .build(),
                claims);
        noKey.sign(new ECDSASigner(P256));

        assertRefused(check(plainJwt.serialize(), "POST", TOKEN, Optional.empty()), "");
        assertRefused(check(noKey.serialize(), "POST", TOKEN, Optional.empty()), "jwk header");
        assertRefused(check("not-a-jwt", "POST", TOKEN, Optional.empty()), "not a signed JWT");
    }
}
