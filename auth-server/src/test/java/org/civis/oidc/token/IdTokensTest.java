package org.civis.oidc.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;
import org.civis.oidc.OidcClaims;
import org.civis.oidc.client.OidcClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdTokensTest {
    static final URI ISSUER = URI.create("https://id.example.gov");

    static OidcClient client(JWSAlgorithm alg) {
        return new OidcClient(
                new PartnerId("bank-1"),
                "Bank One",
                List.of(URI.create("https://rp.example/cb")),
                false,
                OidcClaims.SUPPORTED,
                List.of(),
                Optional.empty(),
                alg,
                OidcClient.UserInfoForm.JSON);
    }

    static SignedIn signedIn(Instant authTime) {
        return new SignedIn(
                "grant-" + java.util.UUID.randomUUID(),
                new PartnerId("bank-1"),
                "pairwise-subject-1",
                new Uin("2749503865"),
                authTime,
                "urn:civis:acr:generated-code+knowledge",
                List.of("otp", "kba"),
                Optional.of("n-0S6_WzA2Mj"),
                Set.of("openid", "profile"),
                Set.of("name", "birthdate"),
                Set.of("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void aRelyingPartyValidatesTheIdTokenWithTheProviderJwks(String algName) throws Exception {
        JWSAlgorithm alg = JWSAlgorithm.parse(algName);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IdTokens tokens = new IdTokens(TestProviderKeys.KEYS, ISSUER, Duration.ofMinutes(5));

        String idToken = tokens.issue(
                client(alg),
                signedIn(now.minusSeconds(30)),
                new JsonObject().put("name", "Amina Diallo").put("iss", "https://evil.example"),
                "access-token-1",
                now);

        IDTokenValidator validator = new IDTokenValidator(
                new Issuer(ISSUER), new ClientID("bank-1"), alg, TestProviderKeys.KEYS.publicSet());
        IDTokenClaimsSet claims = validator.validate(JWTParser.parse(idToken), new Nonce("n-0S6_WzA2Mj"));
        assertThat(claims.getSubject().getValue()).isEqualTo("pairwise-subject-1");
        assertThat(claims.getIssuer().getValue()).isEqualTo("https://id.example.gov");
        assertThat(claims.getAuthorizedParty().getValue()).isEqualTo("bank-1");
        assertThat(claims.getAuthenticationTime()).isEqualTo(java.util.Date.from(now.minusSeconds(30)));
        assertThat(claims.getACR().getValue()).isEqualTo("urn:civis:acr:generated-code+knowledge");
        assertThat(claims.getAMR()).extracting(amr -> amr.getValue()).containsExactly("otp", "kba");
        assertThat(claims.getStringClaim("name")).isEqualTo("Amina Diallo");
        assertThat(claims.getExpirationTime()).isEqualTo(java.util.Date.from(now.plus(Duration.ofMinutes(5))));
        AccessTokenValidator.validate(new BearerAccessToken("access-token-1"), alg, claims.getAccessTokenHash());
        SignedJWT jwt = SignedJWT.parse(idToken);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(TestProviderKeys.KEYS.keyId(alg));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256"})
    void aTokenWithoutNonceOmitsTheClaim(String algName) throws Exception {
        JWSAlgorithm alg = JWSAlgorithm.parse(algName);
        SignedIn withoutNonce = signedIn(Instant.now());
        withoutNonce = new SignedIn(
                withoutNonce.grantId(),
                withoutNonce.client(),
                withoutNonce.subject(),
                withoutNonce.uin(),
                withoutNonce.authTime(),
                withoutNonce.acr(),
                withoutNonce.amr(),
                Optional.empty(),
                withoutNonce.scopes(),
                withoutNonce.claims(),
                withoutNonce.idTokenClaims());

        String idToken = new IdTokens(TestProviderKeys.KEYS, ISSUER, Duration.ofMinutes(5))
                .issue(client(alg), withoutNonce, new JsonObject(), "at", Instant.now());

        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getClaims()).doesNotContainKey("nonce");
    }
}
