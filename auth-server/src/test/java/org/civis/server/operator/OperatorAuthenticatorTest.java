package org.civis.server.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.server.operator.TestIdentityProvider.AUDIENCE;
import static org.civis.server.operator.TestIdentityProvider.ISSUER;
import static org.civis.server.operator.TestIdentityProvider.keycloakClaims;
import static org.civis.server.operator.TestIdentityProvider.sign;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.civis.server.TestServers;
import org.civis.server.operator.TokenCheck.Accepted;
import org.civis.server.operator.TokenCheck.KeysUnavailable;
import org.civis.server.operator.TokenCheck.Reason;
import org.civis.server.operator.TokenCheck.Refused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operator tokens checked against a real JWKS served over HTTP by {@link TestIdentityProvider},
 * signed with real RSA and EC keys by Nimbus, as Keycloak and Entra sign them.
 */
class OperatorAuthenticatorTest {
    private Vertx vertx;
    private TestIdentityProvider idp;
    private RSAKey rsa;
    private ECKey ec;
    private RemoteJwks jwks;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        idp = new TestIdentityProvider(vertx);
        rsa = TestIdentityProvider.rsaKey();
        ec = TestIdentityProvider.ecKey();
        idp.publish(rsa, ec);
    }

    @AfterEach
    void stop() throws Exception {
        if (jwks != null) {
            jwks.stop();
        }
        idp.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void validTokenIsAcceptedAsItsSubjectAndIssuerWithTheRolesItGrants() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);

        TokenCheck check = check(
                authenticator,
                sign(
                        rsa,
                        JWSAlgorithm.RS256,
                        keycloakClaims("alice", "registrar", "auditor", "offline_access")
                                .build()));

        assertThat(check).isInstanceOf(Accepted.class);
        Operator operator = ((Accepted) check).operator();
        assertThat(operator.subject()).isEqualTo("alice");
        assertThat(operator.issuer()).isEqualTo(ISSUER);
        assertThat(operator.roles()).containsExactlyInAnyOrder(OperatorRole.REGISTRAR, OperatorRole.AUDITOR);
        assertThat(operator.actor()).isEqualTo("alice (" + ISSUER + ")");
    }

    @Test
    void ps256Es256AndAccessTokenTypedTokensAreAccepted() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims = keycloakClaims("bob", "partner-admin").build();

        assertThat(check(authenticator, sign(rsa, JWSAlgorithm.PS256, claims))).isInstanceOf(Accepted.class);
        assertThat(check(authenticator, sign(ec, JWSAlgorithm.ES256, claims))).isInstanceOf(Accepted.class);
        String accessToken = sign(
                ec,
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(ec.getKeyID())
                        .type(new JOSEObjectType("at+jwt"))
                        .build(),
                claims);
        assertThat(check(authenticator, accessToken)).isInstanceOf(Accepted.class);
    }

    @Test
    void entraAppRolesAreReadFromTheRolesClaim() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.parse("roles"));
        JWTClaimsSet entra = new JWTClaimsSet.Builder(
                        keycloakClaims("00000000-entra-oid").build())
                .claim("realm_access", null)
                .claim("roles", List.of("identity-admin", "Task.Read"))
                .build();

        TokenCheck check = check(authenticator, sign(rsa, JWSAlgorithm.RS256, entra));

        assertThat(((Accepted) check).operator().roles()).containsExactly(OperatorRole.IDENTITY_ADMIN);
    }

    @Test
    void tokenWithoutKnownRolesIsAcceptedWithNoRoleSoTheRouteAnswers403() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);

        TokenCheck check = check(
                authenticator,
                sign(rsa, JWSAlgorithm.RS256, keycloakClaims("carol", "admin").build()));

        assertThat(((Accepted) check).operator().roles()).isEmpty();
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2)); // beyond the minute of skew
        JWTClaimsSet claims = keycloakClaims("alice", "registrar")
                .issueTime(Date.from(twoMinutesAgo.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(twoMinutesAgo))
                .build();

        assertThat(check(authenticator, sign(rsa, JWSAlgorithm.RS256, claims))).isEqualTo(new Refused(Reason.CLAIMS));
    }

    @Test
    void tokenNotYetValidIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims = keycloakClaims("alice", "registrar")
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(3))))
                .build();

        assertThat(check(authenticator, sign(rsa, JWSAlgorithm.RS256, claims))).isEqualTo(new Refused(Reason.CLAIMS));
    }

    @Test
    void tokenWithoutExpiryIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims =
                keycloakClaims("alice", "registrar").expirationTime(null).build();

        assertThat(check(authenticator, sign(rsa, JWSAlgorithm.RS256, claims))).isEqualTo(new Refused(Reason.CLAIMS));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims =
                keycloakClaims("alice", "registrar").audience("account").build();

        assertThat(check(authenticator, sign(rsa, JWSAlgorithm.RS256, claims))).isEqualTo(new Refused(Reason.CLAIMS));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims = keycloakClaims("alice", "registrar")
                .issuer("http://127.0.0.1/realms/other")
                .build();

        assertThat(check(authenticator, sign(rsa, JWSAlgorithm.RS256, claims))).isEqualTo(new Refused(Reason.CLAIMS));
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        String none = new PlainJWT(keycloakClaims("mallory", "identity-admin").build()).serialize();

        assertThat(check(authenticator, none)).isEqualTo(new Refused(Reason.MALFORMED));
        // The same with a signature part appended, in case a parser takes the header's word for it.
        assertThat(check(authenticator, none + "c2lnbmF0dXJl")).isInstanceOf(Refused.class);
    }

    @Test
    void hmacTokenKeyedWithTheIdpsPublicKeyIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims = keycloakClaims("mallory", "identity-admin").build();
        for (byte[] secret : List.of(
                rsa.toPublicKey().getEncoded(),
                rsa.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            SignedJWT forged = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(rsa.getKeyID())
                            .build(),
                    claims);
            forged.sign(new MACSigner(secret));

            assertThat(check(authenticator, forged.serialize())).isEqualTo(new Refused(Reason.ALGORITHM_OR_TYPE));
        }
    }

    @Test
    void tokenTypedForAnotherPurposeIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        String logoutToken = sign(
                rsa,
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(rsa.getKeyID())
                        .type(new JOSEObjectType("logout+jwt"))
                        .build(),
                keycloakClaims("alice", "registrar").build());

        assertThat(check(authenticator, logoutToken)).isEqualTo(new Refused(Reason.ALGORITHM_OR_TYPE));
    }

    @Test
    void tokenSignedWithAKeyTheIdpDoesNotPublishIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ZERO, RolesClaim.KEYCLOAK_REALM_ROLES);
        RSAKey stranger = TestIdentityProvider.rsaKey();
        JWTClaimsSet claims = keycloakClaims("mallory", "identity-admin").build();

        assertThat(check(authenticator, sign(stranger, JWSAlgorithm.RS256, claims)))
                .isEqualTo(new Refused(Reason.UNKNOWN_KEY));
        // The stranger's key under a published kid: the signature does not verify.
        RSAKey impostor = new RSAKey.Builder(stranger).keyID(rsa.getKeyID()).build();
        assertThat(check(authenticator, sign(impostor, JWSAlgorithm.RS256, claims)))
                .isEqualTo(new Refused(Reason.SIGNATURE));
    }

    @Test
    void keyRotatedAtTheIdpIsFetchedForItsFirstTokenAndTheRemovedKeyIsRefused() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ZERO, RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims = keycloakClaims("alice", "registrar").build();
        String oldKeyToken = sign(rsa, JWSAlgorithm.RS256, claims);
        assertThat(check(authenticator, oldKeyToken)).isInstanceOf(Accepted.class);

        // Given the IdP rotates: a new key is published and the old one withdrawn
        RSAKey rotated = TestIdentityProvider.rsaKey();
        idp.publish(rotated, ec);

        // then a token under the new kid is accepted once the keys are fetched again,
        assertThat(check(authenticator, sign(rotated, JWSAlgorithm.RS256, claims)))
                .isInstanceOf(Accepted.class);
        // and the withdrawn key no longer verifies anything.
        assertThat(check(authenticator, oldKeyToken)).isEqualTo(new Refused(Reason.UNKNOWN_KEY));
    }

    @Test
    void floodOfUnknownKeyIdsReachesTheIdpNoMoreThanOncePerInterval() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);
        int afterStart = idp.jwksRequests();
        JWTClaimsSet claims = keycloakClaims("mallory", "identity-admin").build();

        for (int i = 0; i < 50; i++) {
            RSAKey madeUp =
                    new RSAKey.Builder(rsa).keyID(UUID.randomUUID().toString()).build();
            assertThat(check(authenticator, sign(madeUp, JWSAlgorithm.RS256, claims)))
                    .isEqualTo(new Refused(Reason.UNKNOWN_KEY));
        }

        // The keys were fetched at start, less than the interval ago: none of the fifty reached the IdP.
        assertThat(idp.jwksRequests()).isEqualTo(afterStart);
    }

    @Test
    void idpThatCannotBeReachedAtStartFailsClosedAsKeysUnavailable() throws Exception {
        URI nobodyListens = URI.create("http://127.0.0.1:" + TestServers.freePort() + "/certs");
        jwks = new RemoteJwks(vertx, nobodyListens, Duration.ZERO);
        assertThat(await(jwks.start(Duration.ofMinutes(10)))).isEqualTo(KeyRefresh.UNAVAILABLE);
        OperatorAuthenticator authenticator =
                new OperatorAuthenticator(jwks, ISSUER, AUDIENCE, RolesClaim.KEYCLOAK_REALM_ROLES);

        assertThat(check(
                        authenticator,
                        sign(
                                rsa,
                                JWSAlgorithm.RS256,
                                keycloakClaims("alice", "registrar").build())))
                .isEqualTo(new KeysUnavailable());
    }

    @Test
    void idpGoingDownKeepsKnownKeysWorkingAndAnswersUnknownKeysAsUnavailable() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ZERO, RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims = keycloakClaims("alice", "registrar").build();

        idp.failWith(503);

        assertThat(check(authenticator, sign(rsa, JWSAlgorithm.RS256, claims))).isInstanceOf(Accepted.class);
        assertThat(check(authenticator, sign(TestIdentityProvider.ecKey(), JWSAlgorithm.ES256, claims)))
                .isEqualTo(new KeysUnavailable());
    }

    @Test
    void jwksOfHmacAndWeakKeysOrOversizedIsNotTakenAndTheHeldKeysStay() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ZERO, RolesClaim.KEYCLOAK_REALM_ROLES);
        JWTClaimsSet claims = keycloakClaims("alice", "registrar").build();

        idp.serveBody("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0\"}]}");
        assertThat(await(jwks.refresh())).isEqualTo(KeyRefresh.UNAVAILABLE);
        idp.serveBody("{\"keys\":[" + "x".repeat(RemoteJwks.MAX_BODY_BYTES) + "]}");
        assertThat(await(jwks.refresh())).isEqualTo(KeyRefresh.UNAVAILABLE);

        assertThat(jwks.current().getKeys()).hasSize(2);
        assertThat(check(authenticator, sign(rsa, JWSAlgorithm.RS256, claims))).isInstanceOf(Accepted.class);
    }

    @Test
    void garbageAndOversizedTokensAreMalformed() throws Exception {
        OperatorAuthenticator authenticator = authenticator(Duration.ofSeconds(30), RolesClaim.KEYCLOAK_REALM_ROLES);

        assertThat(check(authenticator, "not.a.jwt")).isEqualTo(new Refused(Reason.MALFORMED));
        assertThat(check(authenticator, "x".repeat(OperatorAuthenticator.MAX_TOKEN_CHARS + 1)))
                .isEqualTo(new Refused(Reason.MALFORMED));
    }

    private OperatorAuthenticator authenticator(Duration minInterval, RolesClaim roles) throws Exception {
        jwks = new RemoteJwks(vertx, idp.jwksUrl(), minInterval);
        assertThat(await(jwks.start(Duration.ofMinutes(10)))).isEqualTo(KeyRefresh.REFRESHED);
        return new OperatorAuthenticator(jwks, ISSUER, AUDIENCE, roles);
    }

    private static TokenCheck check(OperatorAuthenticator authenticator, String token) throws Exception {
        return await(authenticator.check(token));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
