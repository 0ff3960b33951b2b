package org.civis.oidc.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civis.auth.partner.PartnerId;
import org.civis.core.id.Uin;

/**
 * What one finished sign-in established, carried by the authorization code to the tokens.
 *
 * @param grantId random id of this grant: the code's, the access token's {@code jti} family; a
 *     replayed code revokes every token issued under it
 * @param subject the pairwise subject: the client's pseudonymous token for this resident, never the UIN
 * @param acr the authentication context reached (one of {@link org.civis.oidc.Acr})
 * @param amr the methods used, RFC 8176 names ({@code otp}, {@code kba})
 * @param claims the OpenID claims the resident consented to release to this client (policy ∩ asked ∩ consented)
 * @param idTokenClaims those of {@code claims} asked for in the ID token (the {@code claims} parameter)
 */
public record SignedIn(
        String grantId,
        PartnerId client,
        String subject,
        Uin uin,
        Instant authTime,
        String acr,
        List<String> amr,
        Optional<String> nonce,
        Set<String> scopes,
        Set<String> claims,
        Set<String> idTokenClaims) {

    public SignedIn {
        amr = List.copyOf(amr);
        scopes = Set.copyOf(scopes);
        claims = Set.copyOf(claims);
        idTokenClaims = Set.copyOf(idTokenClaims);
    }

    @Override
    public String toString() { // no UIN, no subject in logs
        return "SignedIn[grant " + grantId + ", client " + client + ", acr " + acr + "]";
    }
}
