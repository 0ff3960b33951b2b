package org.civis.oidc.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.civis.auth.keys.TestKeys;
import org.civis.auth.partner.PartnerId;
import org.civis.oidc.OidcClaims;
import org.civis.oidc.client.OidcClient;
import org.junit.jupiter.api.Test;

class UserInfoAnswersTest {
    private static final URI ISSUER = URI.create("https://id.example.gov");
    private static final ECKey CLIENT_EC = TestKeys.p256("bank-enc-ec");
    private static final RSAKey CLIENT_RSA = TestKeys.rsa(2048, "bank-enc-rsa");
    private static final JsonObject CLAIMS = new JsonObject()
            .put("name", "Amina Diallo")
            .put("address", new JsonObject().put("formatted", "1 rue de la Paix"))
            .put("sub", "not-the-subject");
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final UserInfoAnswers answers = new UserInfoAnswers(TestProviderKeys.KEYS, ISSUER);

    private static OidcClient client(OidcClient.UserInfoForm form, JWSAlgorithm alg, Optional<JWK> encryptionKey) {
        return new OidcClient(
                new PartnerId("bank-1"),
                "Bank One",
                List.of(URI.create("https://rp.example/cb")),
                false,
                OidcClaims.SUPPORTED,
                List.of(),
                encryptionKey,
                alg,
                form);
    }

    /** Verifies as a relying party does: the provider's JWKS, the algorithm it registered. */
    private static JWTClaimsSet verified(String jwt, JWSAlgorithm alg) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(alg, new ImmutableJWKSet<>(TestProviderKeys.KEYS.publicSet())));
        return processor.process(SignedJWT.parse(jwt), null);
    }

    @Test
    void plainJsonCarriesTheSubjectOfTheSignInAndTheClaims() throws Exception {
        UserInfoAnswers.Answer answer = answers.answer(
                client(OidcClient.UserInfoForm.JSON, JWSAlgorithm.RS256, Optional.empty()), "pairwise-1", CLAIMS, now);

        assertThat(answer.contentType()).isEqualTo("application/json");
        UserInfo userInfo = UserInfo.parse(answer.body());
        assertThat(userInfo.getSubject().getValue()).isEqualTo("pairwise-1");
        assertThat(userInfo.getName()).isEqualTo("Amina Diallo");
        assertThat(userInfo.getAddress().getFormatted()).isEqualTo("1 rue de la Paix");
    }

    @Test
    void aSignedAnswerVerifiesWithTheProviderJwks() throws Exception {
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256)) {
            UserInfoAnswers.Answer answer = answers.answer(
                    client(OidcClient.UserInfoForm.SIGNED, alg, Optional.empty()), "pairwise-1", CLAIMS, now);

            assertThat(answer.contentType()).isEqualTo("application/jwt");
            JWTClaimsSet claims = verified(answer.body(), alg);
            assertThat(claims.getIssuer()).isEqualTo("https://id.example.gov");
            assertThat(claims.getAudience()).containsExactly("bank-1");
            assertThat(claims.getSubject()).isEqualTo("pairwise-1");
            assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
            assertThat(claims.getStringClaim("name")).isEqualTo("Amina Diallo");
        }
    }

    @Test
    void anEncryptedAnswerOpensWithTheClientsEcKeyAndVerifies() throws Exception {
        UserInfoAnswers.Answer answer = answers.answer(
                client(
                        OidcClient.UserInfoForm.SIGNED_AND_ENCRYPTED,
                        JWSAlgorithm.ES256,
                        Optional.of(CLIENT_EC.toPublicJWK())),
                "pairwise-1",
                CLAIMS,
                now);

        assertThat(answer.contentType()).isEqualTo("application/jwt");
        JWEObject jwe = JWEObject.parse(answer.body());
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A256KW);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(jwe.getHeader().getContentType()).isEqualTo("JWT");
        assertThat(jwe.getHeader().getKeyID()).isEqualTo("bank-enc-ec");
        jwe.decrypt(new ECDHDecrypter(CLIENT_EC));
        JWTClaimsSet claims = verified(jwe.getPayload().toString(), JWSAlgorithm.ES256);
        assertThat(claims.getSubject()).isEqualTo("pairwise-1");
        assertThat(claims.getJSONObjectClaim("address")).containsEntry("formatted", "1 rue de la Paix");
    }

    @Test
    void anEncryptedAnswerOpensWithTheClientsRsaKeyAndVerifies() throws Exception {
        UserInfoAnswers.Answer answer = answers.answer(
                client(
                        OidcClient.UserInfoForm.SIGNED_AND_ENCRYPTED,
                        JWSAlgorithm.PS256,
                        Optional.of(CLIENT_RSA.toPublicJWK())),
                "pairwise-1",
                CLAIMS,
                now);

        JWEObject jwe = JWEObject.parse(answer.body());
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        jwe.decrypt(new RSADecrypter(CLIENT_RSA));
        assertThat(verified(jwe.getPayload().toString(), JWSAlgorithm.PS256).getSubject())
                .isEqualTo("pairwise-1");
    }
}
