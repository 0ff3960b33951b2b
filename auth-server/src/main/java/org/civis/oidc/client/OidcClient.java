package org.civis.oidc.client;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.partner.PartnerId;

/**
 * A relying party: a registered, active partner whose policy allows OpenID Connect. Its
 * {@code client_id} is the partner id; it authenticates with {@code private_key_jwt} under its
 * registered signing keys; {@code allowedClaims} are the OpenID claims (name, birthdate, ...)
 * whose ID schema fields its e-KYC policy allows; userinfo is encrypted to its encryption key
 * when it asked for that at registration.
 */
public record OidcClient(
        PartnerId id,
        String name,
        List<URI> redirectUris,
        boolean requirePushedRequests,
        Set<String> allowedClaims,
        List<JWK> signingKeys,
        Optional<JWK> encryptionKey,
        JWSAlgorithm idTokenSigningAlg,
        UserInfoForm userInfoForm) {

    public OidcClient {
        redirectUris = List.copyOf(redirectUris);
        allowedClaims = Set.copyOf(allowedClaims);
        signingKeys = List.copyOf(signingKeys);
    }

    /** How userinfo is answered: plain JSON, a signed JWT, or a signed JWT nested in a JWE to the client's key. */
    public enum UserInfoForm {
        JSON,
        SIGNED,
        SIGNED_AND_ENCRYPTED
    }

    /** Exact match, as OAuth 2.0 Security BCP asks: no prefix, no pattern, no normalisation. */
    public boolean registered(URI redirectUri) {
        return redirectUris.stream()
                .anyMatch(registered -> registered.toString().equals(redirectUri.toString()));
    }
}
