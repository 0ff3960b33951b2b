package org.civis.verifier.internal.status;

import com.upokecenter.cbor.CBORObject;
import java.util.Optional;
import org.civis.verifier.internal.Rejection;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.internal.cwt.Cwt;
import org.civis.verifier.spec.CwtClaim;
import org.civis.verifier.spec.TokenStatus;
import org.civis.verifier.status.StatusReference;
import org.civis.verifier.verdict.ErrorCode;

/** Reads a credential's status reference (claim 65535) out of its CWT. */
public final class StatusReferences {
    private StatusReferences() {}

    /**
     * Claim 65535 as the draft writes it, {@code {"status_list": {"idx", "uri"}}}, or leniently
     * {@code {"idx", "uri"}} directly. A present but broken reference is refused: ignoring it would
     * turn an issuer's bug into "never revoked".
     */
    public static Optional<StatusReference> read(Cwt cwt) throws Rejection {
        Optional<CBORObject> status = cwt.claimLenient(CwtClaim.STATUS);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        CBORObject map = status.get();
        if (!CborValues.isMap(map)) {
            throw invalid("status claim is not a map");
        }
        CBORObject list = map.get(CBORObject.FromObject(TokenStatus.STATUS_LIST));
        CBORObject reference = list != null ? list : map;
        if (!CborValues.isMap(reference)) {
            throw invalid("status_list is not a map");
        }
        long index = CborValues.asLong(reference.get(CBORObject.FromObject(TokenStatus.IDX)))
                .filter(i -> i >= 0)
                .orElseThrow(() -> invalid("idx is not a non-negative integer"));
        String uri = CborValues.asText(reference.get(CBORObject.FromObject(TokenStatus.URI)))
                .filter(u -> !u.isEmpty())
                .orElseThrow(() -> invalid("uri is not a text string"));
        return Optional.of(new StatusReference(index, uri));
    }

    private static Rejection invalid(String message) {
        return new Rejection(ErrorCode.STATUS_REFERENCE_INVALID, message);
    }
}
