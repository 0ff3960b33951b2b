package org.civis.oidc.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.partner.PartnerId;
import org.civis.oidc.Acr;
import org.civis.oidc.OAuthError;
import org.civis.oidc.client.OidcClient;
import org.junit.jupiter.api.Test;

class AuthorizationRequestsTest {
    private static final URI ISSUER = URI.create("https://id.example");
    private static final String CALLBACK = "https://rp.example/cb";
    private static final AuthorizationRequests REQUESTS = new AuthorizationRequests(ISSUER);

    @Test
    void aGoodRequestCarriesStateNonceChallengeAndTheAllowedClaimsAsked() {
        Map<String, List<String>> query = good();
        query.put("scope", List.of("openid profile email phone"));
        query.put("claims", List.of("{\"id_token\":{\"email\":null,\"address\":null}}"));
        query.put("acr_values", List.of("urn:other " + Acr.GENERATED_CODE_AND_KNOWLEDGE));
        query.put("prompt", List.of("consent"));

        SignInRequest request = accepted(REQUESTS.check(query, Optional.of(client(false)), false));

        assertThat(request.state()).contains("st-1");
        assertThat(request.nonce()).contains("n-1");
        assertThat(request.codeChallenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        // profile asks name, birthdate, gender, picture; the policy allows name, birthdate, email only
        assertThat(request.claims()).containsExactlyInAnyOrder("name", "birthdate", "email");
        assertThat(request.idTokenClaims()).containsExactly("email");
        assertThat(request.acr()).isEqualTo(Acr.GENERATED_CODE_AND_KNOWLEDGE);
        assertThat(request.forceConsent()).isTrue();
        assertThat(SignInRequest.fromJson(request.toJson())).isEqualTo(request);
    }

    @Test
    void withoutAcrValuesTheSignInIsByGeneratedCode() {
        assertThat(accepted(REQUESTS.check(good(), Optional.of(client(false)), false))
                        .acr())
                .isEqualTo(Acr.GENERATED_CODE);
    }

    @Test
    void anUnknownClientOrRedirectUriEndsTheSignInWithoutARedirect() {
        Map<String, List<String>> wrongUri = good();
        wrongUri.put("redirect_uri", List.of("https://rp.example/cb/evil"));

        assertThat(REQUESTS.check(good(), Optional.empty(), false))
                .isEqualTo(new AuthorizationRequests.Checked.Refused(
                        OAuthError.CLIENT_UNKNOWN, "unknown client", Optional.empty()));
        AuthorizationRequests.Checked refused = REQUESTS.check(wrongUri, Optional.of(client(false)), false);
        assertThat(((AuthorizationRequests.Checked.Refused) refused).error())
                .isEqualTo(OAuthError.REDIRECT_URI_INVALID);
        assertThat(((AuthorizationRequests.Checked.Refused) refused).sendTo()).isEmpty();
    }

    @Test
    void otherProblemsGoBackToTheClientWithErrorStateAndIssuer() {
        Map<String, List<String>> noPkce = good();
        noPkce.remove("code_challenge");
        Map<String, List<String>> plain = good();
        plain.put("code_challenge_method", List.of("plain"));
        Map<String, List<String>> token = good();
        token.put("response_type", List.of("token"));
        Map<String, List<String>> noOpenid = good();
        noOpenid.put("scope", List.of("profile"));
        Map<String, List<String>> none = good();
        none.put("prompt", List.of("none"));
        Map<String, List<String>> jar = good();
        jar.put("request", List.of("eyJhbGciOiJub25lIn0.e30."));

        assertThat(errorSentBack(noPkce)).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(errorSentBack(plain)).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(errorSentBack(token)).isEqualTo(OAuthError.UNSUPPORTED_RESPONSE_TYPE);
        assertThat(errorSentBack(noOpenid)).isEqualTo(OAuthError.INVALID_SCOPE);
        assertThat(errorSentBack(none)).isEqualTo(OAuthError.LOGIN_REQUIRED);
        assertThat(errorSentBack(jar)).isEqualTo(OAuthError.REQUEST_NOT_SUPPORTED);
        URI location = ((AuthorizationRequests.Checked.Refused)
                        REQUESTS.check(noPkce, Optional.of(client(false)), false))
                .sendTo()
                .orElseThrow();
        assertThat(location.toString())
                .startsWith(CALLBACK + "?error=invalid_request&error_description=")
                .endsWith("&state=st-1&iss=https%3A%2F%2Fid.example");
    }

    @Test
    void aClientThatRequiresPushedRequestsIsRefusedAFrontChannelRequest() {
        assertThat(errorOf(REQUESTS.check(good(), Optional.of(client(true)), false)))
                .isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(REQUESTS.check(good(), Optional.of(client(true)), true))
                .isInstanceOf(AuthorizationRequests.Checked.Accepted.class);
    }

    private static OAuthError errorSentBack(Map<String, List<String>> query) {
        AuthorizationRequests.Checked checked = REQUESTS.check(query, Optional.of(client(false)), false);
        assertThat(((AuthorizationRequests.Checked.Refused) checked).sendTo()).isPresent();
        return errorOf(checked);
    }

    private static OAuthError errorOf(AuthorizationRequests.Checked checked) {
        return ((AuthorizationRequests.Checked.Refused) checked).error();
    }

    private static SignInRequest accepted(AuthorizationRequests.Checked checked) {
        assertThat(checked).isInstanceOf(AuthorizationRequests.Checked.Accepted.class);
        return ((AuthorizationRequests.Checked.Accepted) checked).request();
    }

    static Map<String, List<String>> good() {
        Map<String, List<String>> query = new HashMap<>();
        query.put("response_type", List.of("code"));
        query.put("client_id", List.of("rp-bank"));
        query.put("redirect_uri", List.of(CALLBACK));
        query.put("scope", List.of("openid"));
        query.put("state", List.of("st-1"));
        query.put("nonce", List.of("n-1"));
        query.put("code_challenge", List.of("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        query.put("code_challenge_method", List.of("S256"));
        return query;
    }

    static OidcClient client(boolean requirePar) {
        return new OidcClient(
                new PartnerId("rp-bank"),
                "RP Bank",
                List.of(URI.create(CALLBACK)),
                requirePar,
                Set.of("name", "birthdate", "email"),
                List.of(),
                Optional.empty(),
                JWSAlgorithm.RS256,
                OidcClient.UserInfoForm.JSON);
    }
}
