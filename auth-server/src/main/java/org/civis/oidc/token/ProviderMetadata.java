package org.civis.oidc.token;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.civis.oidc.Acr;
import org.civis.oidc.OidcClaims;

/**
 * The discovery document (OpenID Connect Discovery 3, RFC 8414), served at both well-known
 * paths. Built with Nimbus's {@link OIDCProviderMetadata}, so what a client library reads is what
 * Nimbus writes; it says exactly what the provider does: the code flow with PKCE S256,
 * private_key_jwt, pairwise subjects, PAR, DPoP, and no request objects.
 */
public final class ProviderMetadata {
    private static final List<JWSAlgorithm> SIGNING =
            List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    private ProviderMetadata() {}

    /** @param uiLocales the ID schema's languages, best first, as BCP 47 tags (ISO 639-3 codes are valid ones) */
    public static JsonObject document(URI issuer, List<String> uiLocales) {
        String base = issuer.toString().replaceAll("/+$", "");
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(
                new Issuer(issuer), List.of(SubjectType.PAIRWISE), URI.create(base + "/oidc/jwks"));
        metadata.setAuthorizationEndpointURI(URI.create(base + "/oidc/authorize"));
        metadata.setTokenEndpointURI(URI.create(base + "/oidc/token"));
        metadata.setUserInfoEndpointURI(URI.create(base + "/oidc/userinfo"));
        metadata.setPushedAuthorizationRequestEndpointURI(URI.create(base + "/oidc/par"));
        metadata.requiresPushedAuthorizationRequests(false);
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.PRIVATE_KEY_JWT));
        metadata.setTokenEndpointJWSAlgs(List.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256, JWSAlgorithm.PS256));
        metadata.setIDTokenJWSAlgs(SIGNING);
        metadata.setUserInfoJWSAlgs(SIGNING);
        metadata.setUserInfoJWEAlgs(
                List.of(JWEAlgorithm.ECDH_ES, JWEAlgorithm.ECDH_ES_A256KW, JWEAlgorithm.RSA_OAEP_256));
        metadata.setUserInfoJWEEncs(List.of(EncryptionMethod.A256GCM));
        metadata.setScopes(new Scope("openid", "profile", "email", "phone", "address"));
        metadata.setClaims(claims());
        metadata.setSupportsClaimsParams(true);
        metadata.setACRs(List.of(new ACR(Acr.GENERATED_CODE), new ACR(Acr.GENERATED_CODE_AND_KNOWLEDGE)));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setDPoPJWSAlgs(List.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA, JWSAlgorithm.PS256));
        metadata.setSupportsRequestParam(false);
        metadata.setSupportsRequestURIParam(false);
        metadata.setUILocales(langTags(uiLocales));
        JsonObject document = new JsonObject(metadata.toJSONObject());
        // Nimbus leaves out the booleans that equal its own defaults; a client reading the spec's
        // defaults (request_uri_parameter_supported is true when absent) would be misled.
        return document.put("request_parameter_supported", false)
                .put("request_uri_parameter_supported", false)
                .put("require_pushed_authorization_requests", false)
                .put("claims_parameter_supported", true)
                .put("authorization_response_iss_parameter_supported", true);
    }

    private static List<String> claims() {
        TreeSet<String> claims = new TreeSet<>(OidcClaims.SUPPORTED);
        claims.addAll(List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr"));
        return List.copyOf(claims);
    }

    private static List<LangTag> langTags(List<String> locales) {
        List<LangTag> tags = new ArrayList<>();
        for (String locale : locales) {
            try {
                tags.add(LangTag.parse(locale));
            } catch (LangTagException e) {
                throw new IllegalArgumentException("not a BCP 47 language tag: " + locale, e);
            }
        }
        return tags;
    }
}
