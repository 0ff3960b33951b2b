package org.civis.oidc.token;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.civis.oidc.client.OidcClient;

/**
 * The userinfo answer (OpenID Connect Core 5.3.2) in the form the client registered: plain JSON,
 * a JWT signed by the provider, or that JWT encrypted to the client's registered encryption key
 * (a nested JWT, Core 16.14: signed, then encrypted). The claims are the caller's, already cut to
 * what was consented to; {@code sub} always comes from the sign-in. Thread-safe.
 */
public final class UserInfoAnswers {
    private final ProviderKeys keys;
    private final URI issuer;

    public UserInfoAnswers(ProviderKeys keys, URI issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** What the userinfo endpoint sends: its {@code Content-Type} and body. */
    public record Answer(String contentType, String body) {
        @Override
        public String toString() { // the body holds personal data
            return "Answer[" + contentType + "]";
        }
    }

    /**
     * @throws IllegalStateException if the client asked for encryption but has no usable
     *     encryption key (its policy should not have allowed that)
     */
    public Answer answer(OidcClient client, String subject, JsonObject claimValues, Instant now) {
        JsonObject claims = claimValues.copy().put("sub", subject);
        return switch (client.userInfoForm()) {
            case JSON -> new Answer("application/json", claims.encode());
            case SIGNED -> new Answer("application/jwt", signed(client, claims, now));
            case SIGNED_AND_ENCRYPTED -> new Answer("application/jwt", encrypted(client, signed(client, claims, now)));
        };
    }

    private String signed(OidcClient client, JsonObject claims, Instant now) {
        JWTClaimsSet.Builder jwt = new JWTClaimsSet.Builder();
        try {
            for (Map.Entry<String, Object> claim :
                    JSONObjectUtils.parse(claims.encode()).entrySet()) {
                jwt.claim(claim.getKey(), claim.getValue());
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("claim values are not a JSON object", e);
        }
        jwt.issuer(issuer.toString()).audience(client.id().value()).issueTime(Date.from(now));
        return IdTokens.sign(keys, client.idTokenSigningAlg(), jwt.build());
    }

    private static String encrypted(OidcClient client, String signedJwt) {
        JWK key = client.encryptionKey()
                .orElseThrow(() -> new IllegalStateException("client " + client.id() + " has no encryption key"));
        try {
            JWEAlgorithm alg;
            JWEEncrypter encrypter;
            if (key instanceof ECKey ec) {
                alg = JWEAlgorithm.ECDH_ES_A256KW;
                encrypter = new ECDHEncrypter(ec.toPublicJWK());
            } else if (key instanceof RSAKey rsa) {
                alg = JWEAlgorithm.RSA_OAEP_256;
                encrypter = new RSAEncrypter(rsa.toPublicJWK());
            } else {
                throw new IllegalStateException("client " + client.id() + " has an encryption key of another type");
            }
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(alg, EncryptionMethod.A256GCM)
                            .contentType("JWT")
                            .keyID(key.getKeyID())
                            .build(),
                    new Payload(signedJwt));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("userinfo could not be encrypted to client " + client.id(), e);
        }
    }
}
