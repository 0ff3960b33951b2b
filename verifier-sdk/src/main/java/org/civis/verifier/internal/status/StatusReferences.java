package org.civis.verifier.internal.status;

import com.upokecenter.cbor.CBORObject;
import java.util.Optional;
import org.civis.verifier.internal.Step;
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
    public static Step<Optional<StatusReference>> read(Cwt cwt) {
        Optional<CBORObject> status = cwt.claimLenient(CwtClaim.STATUS);
        if (status.isEmpty()) {
            return Step.ok(Optional.empty());
        }
        CBORObject map = status.get();
        if (!CborValues.isMap(map)) {
            return invalid("status claim is not a map");
        }
        CBORObject list = map.get(CBORObject.FromObject(TokenStatus.STATUS_LIST));
        CBORObject reference = list != null ? list : map;
        if (!CborValues.isMap(reference)) {
            return invalid("status_list is not a map");
        }
        Optional<Long> index = CborValues.asLong(reference.get(CBORObject.FromObject(TokenStatus.IDX)))
                .filter(i -> i >= 0);
        if (index.isEmpty()) {
            return invalid("idx is not a non-negative integer");
        }
        Optional<String> uri = CborValues.asText(reference.get(CBORObject.FromObject(TokenStatus.URI)))
                .filter(u -> !u.isEmpty());
        if (uri.isEmpty()) {
            return invalid("uri is not a text string");
        }
        return Step.ok(Optional.of(new StatusReference(index.get(), uri.get())));
    }

    private static <T> Step<T> invalid(String message) {
        return Step.refuse(ErrorCode.STATUS_REFERENCE_INVALID, message);
    }
}
