package org.civis.oidc.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.civis.oidc.client.OidcClient;

/**
 * Makes ID tokens (OpenID Connect Core 2): signed with the algorithm the client registered, under
 * the provider key for it, naming the pairwise subject and what the sign-in used ({@code acr},
 * {@code amr}). The claims released are the caller's, already cut to what the policy allows, the
 * client asked for in the ID token and the resident consented to. Thread-safe.
 */
public final class IdTokens {
    private final ProviderKeys keys;
    private final URI issuer;
    private final Duration lifetime;

    public IdTokens(ProviderKeys keys, URI issuer, Duration lifetime) {
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    /**
     * @param claimValues the released claims' values (OidcClaims.values), added as they are
     * @param accessToken the access token issued beside it, for {@code at_hash}
     */
    public String issue(OidcClient client, SignedIn signedIn, JsonObject claimValues, String accessToken, Instant now) {
        JWSAlgorithm alg = client.idTokenSigningAlg();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        try {
            for (Map.Entry<String, Object> claim :
                    JSONObjectUtils.parse(claimValues.encode()).entrySet()) {
                claims.claim(claim.getKey(), claim.getValue());
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("claim values are not a JSON object", e);
        }
        // The registered claims go in last, so no released value can stand in for one of them.
        claims.issuer(issuer.toString())
                .subject(signedIn.subject())
                .audience(client.id().value())
                .claim("azp", client.id().value())
                .expirationTime(Date.from(now.plus(lifetime)))
                .issueTime(Date.from(now))
                .claim("auth_time", signedIn.authTime().getEpochSecond())
                .claim("nonce", signedIn.nonce().orElse(null))
                .claim("acr", signedIn.acr())
                .claim("amr", signedIn.amr())
                .claim(
                        "at_hash",
                        AccessTokenHash.compute(new BearerAccessToken(accessToken), alg, null)
                                .getValue());
        return sign(keys, alg, claims.build());
    }

    /** Signs {@code claims} as a JWT ({@code typ: JWT}) under the provider key for {@code alg}. */
    static String sign(ProviderKeys keys, JWSAlgorithm alg, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg)
                        .type(JOSEObjectType.JWT)
                        .keyID(keys.keyId(alg))
                        .build(),
                claims);
        try {
            jwt.sign(keys.signer(alg));
        } catch (JOSEException e) {
            throw new IllegalStateException("the provider key could not sign", e);
        }
        return jwt.serialize();
    }
}
