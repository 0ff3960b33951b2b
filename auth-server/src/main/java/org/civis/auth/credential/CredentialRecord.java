package org.civis.auth.credential;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.civis.core.id.Uin;
import org.civis.issuer.keys.SigningAlgorithm;

/**
 * A credentials row: which identity version a credential carries, where its status lives, which key
 * signed it, and when. Enough to rebuild the very same credential from the identity.
 */
public record CredentialRecord(
        UUID credentialId,
        Uin uin,
        int identityVersion,
        int listId,
        int listIndex,
        String kid,
        SigningAlgorithm algorithm,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> supersededAt) {

    public CredentialRecord {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(uin, "uin");
        Objects.requireNonNull(supersededAt, "supersededAt");
    }
}
