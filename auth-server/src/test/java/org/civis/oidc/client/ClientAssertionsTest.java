package org.civis.oidc.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.JWTAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civis.auth.keys.BcEd25519;
import org.civis.auth.keys.TestKeys;
import org.civis.auth.partner.PartnerId;
import org.civis.core.refusal.Result;
import org.civis.core.registry.SettableClock;
import org.civis.oidc.OAuthError;
import org.civis.oidc.token.OidcClaims;
import org.civis.oidc.token.TestMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relying party's side is Nimbus's {@link PrivateKeyJWT} where it can sign (ES256, PS256). */
class ClientAssertionsTest {
    private static final URI ISSUER = URI.create("https://id.example.gov");
    private static final URI TOKEN_ENDPOINT = URI.create("https://id.example.gov/oidc/token");
    private static final OctetKeyPair ED25519 = TestKeys.ed25519("bank-ed-1");
    private static final ECKey P256 = TestKeys.p256("bank-ec-1");
    private static final RSAKey RSA = TestKeys.rsa(2048, "bank-rsa-1");
    private static final OctetKeyPair STRANGER = TestKeys.ed25519("bank-ed-1");
    private static final OidcClient BANK = new OidcClient(
            new PartnerId("bank-1"),
            "Bank One",
            List.of(URI.create("https://rp.example/cb")),
            false,
            OidcClaims.SUPPORTED,
            List.of(ED25519.toPublicJWK(), P256.toPublicJWK(), RSA.toPublicJWK()),
            Optional.empty(),
            JWSAlgorithm.RS256,
            OidcClient.UserInfoForm.JSON);

    private static HazelcastInstance member;
    private final SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @BeforeAll
    static void start() {
        member = TestMember.start();
    }

    @AfterAll
    static void stop() {
        member.shutdown();
    }

    private Result<OidcClient> verify(Map<String, List<String>> form) {
        ClientAssertions assertions = new ClientAssertions(member, ISSUER, clock);
        return assertions
                .verify(
                        form,
                        TOKEN_ENDPOINT,
                        id -> Future.succeededFuture(id.equals("bank-1") ? Optional.of(BANK) : Optional.empty()))
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    private static void assertRefused(Result<OidcClient> result, String messagePart) {
        assertThat(result).isInstanceOf(Result.Refused.class);
        Result.Refused<OidcClient> refused = (Result.Refused<OidcClient>) result;
        assertThat(refused.refusal().code()).isEqualTo(OAuthError.INVALID_CLIENT);
        assertThat(refused.refusal().message()).contains(messagePart);
    }

    private JWTClaimsSet.Builder claims(URI audience) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer("bank-1")
                .subject("bank-1")
                .audience(audience.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static Map<String, List<String>> form(String assertion) {
        return Map.of(
                "grant_type", List.of("authorization_code"),
                "client_assertion_type", List.of(JWTAuthentication.CLIENT_ASSERTION_TYPE),
                "client_assertion", List.of(assertion));
    }

    private static String signed(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String ed25519(JWTClaimsSet claims) throws Exception {
        return signed(BcEd25519.signer(ED25519), JWSAlgorithm.EdDSA, ED25519.getKeyID(), claims);
    }

    @Test
    void nimbusPrivateKeyJwtWithEs256AndPs256IsAccepted() throws Exception {
        PrivateKeyJWT es256 = new PrivateKeyJWT(
                new ClientID("bank-1"),
                TOKEN_ENDPOINT,
                JWSAlgorithm.ES256,
                P256.toECPrivateKey(),
                P256.getKeyID(),
                null);
        PrivateKeyJWT ps256 = new PrivateKeyJWT(
                new ClientID("bank-1"), ISSUER, JWSAlgorithm.PS256, RSA.toRSAPrivateKey(), RSA.getKeyID(), null);

        assertThat(verify(es256.toParameters()).orElseThrow()).isEqualTo(BANK);
        assertThat(verify(ps256.toParameters()).orElseThrow()).isEqualTo(BANK);
    }

    @Test
    void anEd25519AssertionForTheIssuerOrTheEndpointIsAccepted() throws Exception {
        assertThat(verify(form(ed25519(claims(ISSUER).build()))).orElseThrow()).isEqualTo(BANK);
        assertThat(verify(form(ed25519(claims(TOKEN_ENDPOINT).build()))).orElseThrow())
                .isEqualTo(BANK);
    }

    @Test
    void aReplayedJtiIsRefused() throws Exception {
        String assertion = ed25519(claims(ISSUER).build());
        assertThat(verify(form(assertion))).isInstanceOf(Result.Accepted.class);

        assertRefused(verify(form(assertion)), "jti was already used");
    }

    @Test
    void anExpiredAssertionIsRefused() throws Exception {
        String assertion = ed25519(claims(ISSUER).build());
        clock.advance(Duration.ofSeconds(61));

        assertRefused(verify(form(assertion)), "expired");
    }

    @Test
    void anAssertionLivingLongerThanFiveMinutesIsRefused() throws Exception {
        JWTClaimsSet claims = claims(ISSUER)
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(10))))
                .build();

        assertRefused(verify(form(ed25519(claims))), "at most 5 minutes");
    }

    @Test
    void aWrongAudienceIsRefused() throws Exception {
        assertRefused(
                verify(form(ed25519(claims(URI.create("https://other.example")).build()))), "aud");
    }

    @Test
    void anAssertionSignedByAnUnknownKeyIsRefused() throws Exception {
        String assertion = signed(
                BcEd25519.signer(STRANGER),
                JWSAlgorithm.EdDSA,
                "bank-ed-1",
                claims(ISSUER).build());

        assertRefused(verify(form(assertion)), "not signed by a registered signing key");
    }

    @Test
    void algNoneIsRefused() {
        String unsigned = new PlainJWT(claims(ISSUER).build()).serialize();

        assertRefused(verify(form(unsigned)), "alg none");
    }

    @Test
    void hmacSignedAssertionsAreRefused() throws Exception {
        String hmac = signed(
                new MACSigner(new byte[32]),
                JWSAlgorithm.HS256,
                null,
                claims(ISSUER).build());

        assertRefused(verify(form(hmac)), "alg must be EdDSA, ES256 or PS256");
    }

    @Test
    void clientSecretsAndNoAuthenticationAreRefused() {
        ClientSecretPost post =
                new ClientSecretPost(new ClientID("bank-1"), new Secret("s3cret-s3cret-s3cret-s3cret-s3cret"));

        assertRefused(verify(post.toParameters()), "client secrets are not accepted");
        assertRefused(verify(Map.of("client_id", List.of("bank-1"))), "private_key_jwt is required");
    }

    @Test
    void issAndSubMustBeTheClient() throws Exception {
        assertRefused(verify(form(ed25519(claims(ISSUER).issuer("bank-2").build()))), "iss and sub");
        Map<String, List<String>> mismatched =
                new java.util.HashMap<>(form(ed25519(claims(ISSUER).build())));
        mismatched.put("client_id", List.of("bank-2"));
        assertRefused(verify(mismatched), "client_id does not match");
    }

    @Test
    void anUnknownClientIsRefused() throws Exception {
        JWTClaimsSet claims = claims(ISSUER).issuer("nobody").subject("nobody").build();

        assertRefused(verify(form(ed25519(claims))), "unknown or may not use OpenID Connect");
    }

    @Test
    void theJtiOfAForgedAssertionIsNotUsedUp() throws Exception {
        JWTClaimsSet claims = claims(ISSUER).build();
        String forged = signed(BcEd25519.signer(STRANGER), JWSAlgorithm.EdDSA, "bank-ed-1", claims);
        assertRefused(verify(form(forged)), "not signed");

        assertThat(verify(form(ed25519(claims))).orElseThrow()).isEqualTo(BANK);
    }

    @Test
    void keysAreMatchedByKid() throws Exception {
        String wrongKid = signed(
                BcEd25519.signer(ED25519),
                JWSAlgorithm.EdDSA,
                "another-kid",
                claims(ISSUER).build());
        String noKid = signed(
                BcEd25519.signer(ED25519),
                JWSAlgorithm.EdDSA,
                null,
                claims(ISSUER).build());

        assertRefused(verify(form(wrongKid)), "not signed by a registered signing key");
        assertThat(verify(form(noKid)).orElseThrow()).isEqualTo(BANK);
    }
}
