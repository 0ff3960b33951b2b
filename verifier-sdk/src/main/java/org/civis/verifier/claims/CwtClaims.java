package org.civis.verifier.claims;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.civis.verifier.status.StatusReference;

/**
 * The claims of a CWT (RFC 8392) as a verifier reads them. Times are NumericDates (seconds since
 * the epoch, tag 1 allowed); a fraction is kept to the millisecond.
 *
 * @param issuer {@code iss}
 * @param subject {@code sub}
 * @param expiresAt {@code exp}: not valid on or after it
 * @param notBefore {@code nbf}
 * @param issuedAt {@code iat}
 * @param statusReference where the issuer publishes the credential's status (claim 65535)
 * @param rawClaims every claim, for reports: keys as text ("1", "169"), byte strings as hex,
 *     numbers, text, lists and maps as they are; a view to read, not to change
 */
public record CwtClaims(
        Optional<String> issuer,
        Optional<String> subject,
        Optional<Instant> expiresAt,
        Optional<Instant> notBefore,
        Optional<Instant> issuedAt,
        Optional<StatusReference> statusReference,
        Map<String, Object> rawClaims) {
    public CwtClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(statusReference, "statusReference");
        Objects.requireNonNull(rawClaims, "rawClaims");
    }
}
