package org.civis.verifier.internal.cwt;

import com.upokecenter.cbor.CBORObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.civis.verifier.claims.CwtClaims;
import org.civis.verifier.internal.cbor.JsonView;
import org.civis.verifier.status.StatusReference;

/**
 * A decoded CWT: its registered claims, read strictly, and the whole claims map for the stages that
 * read a profile from it (Claim 169, the status reference, a Status List Token's list). The map
 * never leaves the pipeline; callers get {@link CwtClaims}.
 */
public record Cwt(
        Optional<String> issuer,
        Optional<String> subject,
        Optional<Instant> expiresAt,
        Optional<Instant> notBefore,
        Optional<Instant> issuedAt,
        CBORObject map) {
    public Cwt {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(map, "map");
    }

    public Optional<CBORObject> claim(int key) {
        return Optional.ofNullable(map.get(CBORObject.FromObject(key)));
    }

    /** A claim by integer key or, leniently, by the same number written as text. */
    public Optional<CBORObject> claimLenient(int key) {
        return claim(key).or(() -> Optional.ofNullable(map.get(CBORObject.FromObject(Integer.toString(key)))));
    }

    /** The typed view callers see; the raw claims are turned into JSON values only if someone reads them. */
    public CwtClaims view(Optional<StatusReference> statusReference) {
        return new CwtClaims(issuer, subject, expiresAt, notBefore, issuedAt, statusReference, new JsonView(map));
    }
}
