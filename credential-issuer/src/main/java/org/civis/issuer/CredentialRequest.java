package org.civis.issuer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.civis.core.identity.Identity;
import org.civis.issuer.keys.IssuerKey;

/**
 * Everything one credential is made of. The times are whole seconds (CWT uses seconds), so a
 * credential rebuilt from the same request is the same credential.
 *
 * @param issuer the CWT {@code iss}
 * @param key the signing key; its kid goes in the protected header
 */
public record CredentialRequest(
        Identity identity, String issuer, Instant issuedAt, Instant expiresAt, StatusListEntry status, IssuerKey key) {

    public CredentialRequest {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(key, "key");
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a credential must expire after it is issued");
        }
    }
}
