package org.civis.oidc.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderMetadataTest {
    private static final URI ISSUER = URI.create("https://id.example.gov");

    @Test
    void aClientLibraryReadsTheEndpointsAndWhatTheProviderDoes() throws Exception {
        JsonObject document = ProviderMetadata.document(ISSUER, List.of("eng", "fra"));

        OIDCProviderMetadata parsed = OIDCProviderMetadata.parse(document.encode());
        assertThat(parsed.getIssuer().getValue()).isEqualTo("https://id.example.gov");
        assertThat(parsed.getAuthorizationEndpointURI()).hasToString("https://id.example.gov/oidc/authorize");
        assertThat(parsed.getTokenEndpointURI()).hasToString("https://id.example.gov/oidc/token");
        assertThat(parsed.getUserInfoEndpointURI()).hasToString("https://id.example.gov/oidc/userinfo");
        assertThat(parsed.getJWKSetURI()).hasToString("https://id.example.gov/oidc/jwks");
        assertThat(parsed.getPushedAuthorizationRequestEndpointURI()).hasToString("https://id.example.gov/oidc/par");
        assertThat(parsed.getSubjectTypes()).containsExactly(SubjectType.PAIRWISE);
        assertThat(parsed.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(parsed.getTokenEndpointAuthMethods()).containsExactly(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(parsed.getTokenEndpointJWSAlgs())
                .containsExactly(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256, JWSAlgorithm.PS256);
        assertThat(parsed.getIDTokenJWSAlgs())
                .containsExactly(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
        assertThat(parsed.getDPoPJWSAlgs()).containsExactly(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA, JWSAlgorithm.PS256);
        assertThat(parsed.supportsAuthorizationResponseIssuerParam()).isTrue();
        assertThat(parsed.supportsRequestURIParam()).isFalse();
        assertThat(parsed.supportsRequestParam()).isFalse();
        assertThat(parsed.supportsClaimsParam()).isTrue();
    }

    @Test
    void theDocumentListsTheValuesTheBriefNames() {
        JsonObject document = ProviderMetadata.document(URI.create("http://localhost:8080/"), List.of("eng"));

        assertThat(document.getString("issuer")).isEqualTo("http://localhost:8080/");
        assertThat(document.getString("token_endpoint")).isEqualTo("http://localhost:8080/oidc/token");
        assertThat(document.getJsonArray("response_types_supported")).isEqualTo(new JsonArray().add("code"));
        assertThat(document.getJsonArray("response_modes_supported")).isEqualTo(new JsonArray().add("query"));
        assertThat(document.getJsonArray("grant_types_supported")).isEqualTo(new JsonArray().add("authorization_code"));
        assertThat(document.getJsonArray("scopes_supported").getList())
                .containsExactlyInAnyOrder("openid", "profile", "email", "phone", "address");
        assertThat(document.getJsonArray("claims_supported").getList())
                .contains("name", "birthdate", "gender", "picture", "email", "phone_number", "address")
                .contains("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr");
        assertThat(document.getJsonArray("acr_values_supported").getList())
                .containsExactly("urn:civis:acr:generated-code", "urn:civis:acr:generated-code+knowledge");
        assertThat(document.getJsonArray("userinfo_encryption_alg_values_supported")
                        .getList())
                .containsExactly("ECDH-ES", "ECDH-ES+A256KW", "RSA-OAEP-256");
        assertThat(document.getJsonArray("userinfo_encryption_enc_values_supported")
                        .getList())
                .containsExactly("A256GCM");
        assertThat(document.getJsonArray("userinfo_signing_alg_values_supported")
                        .getList())
                .containsExactly("RS256", "PS256", "ES256");
        assertThat(document.getJsonArray("ui_locales_supported").getList()).containsExactly("eng");
        assertThat(document.getBoolean("require_pushed_authorization_requests")).isFalse();
        assertThat(document.getBoolean("request_uri_parameter_supported")).isFalse();
        assertThat(document.getBoolean("request_parameter_supported")).isFalse();
        assertThat(document.getBoolean("claims_parameter_supported")).isTrue();
        assertThat(document.getBoolean("authorization_response_iss_parameter_supported"))
                .isTrue();
    }
}
