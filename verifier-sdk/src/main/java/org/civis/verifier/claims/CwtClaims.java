package org.civis.verifier.claims;

import com.upokecenter.cbor.CBORObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of a CWT. Times are NumericDates (seconds since the epoch, tag 1 allowed); a fraction
 * is kept to the millisecond.
 *
 * @param claims the whole claims map as decoded, for profiles and raw reports
 */
public record CwtClaims(
        Optional<String> issuer,
        Optional<String> subject,
        Optional<Instant> expiresAt,
        Optional<Instant> notBefore,
        Optional<Instant> issuedAt,
        CBORObject claims) {
    public CwtClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(claims, "claims");
    }

    public Optional<CBORObject> claim(int key) {
        CBORObject value = claims.get(CBORObject.FromObject(key));
        return Optional.ofNullable(value);
    }

    /** A claim by integer key or, leniently, by the same number written as text. */
    public Optional<CBORObject> claimLenient(int key) {
        return claim(key).or(() -> Optional.ofNullable(claims.get(CBORObject.FromObject(Integer.toString(key)))));
    }
}
