package org.civis.verifier.internal.cose;

import com.upokecenter.cbor.CBORObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.civis.verifier.internal.Step;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.spec.CoseHeader;
import org.civis.verifier.trust.Kid;
import org.civis.verifier.verdict.ErrorCode;

/**
 * The two header buckets of a COSE message. {@code protectedBytes} is kept exactly as received: the
 * signature and the AEAD tag cover those bytes, not a re-encoding of the map.
 */
public record CoseHeaders(byte[] protectedBytes, CBORObject protectedMap, CBORObject unprotectedMap) {

    /**
     * The protected bytes as the signature covers them. RFC 9052 section 3 encodes an empty
     * protected map as a zero-length byte string; a sender that wrote h'A0' instead still signed "no
     * protected headers", so the zero-length form is used (the COSE WG's sign-pass-01 expects this).
     */
    public byte[] signedProtectedBytes() {
        return protectedMap.size() == 0 ? new byte[0] : protectedBytes.clone();
    }

    /** A label in either bucket, protected first (RFC 9052 forbids a label in both; the parser refuses it). */
    public Optional<CBORObject> get(int label) {
        CBORObject key = CBORObject.FromObject(label);
        if (protectedMap.ContainsKey(key)) {
            return Optional.of(protectedMap.get(key));
        }
        return unprotectedMap.ContainsKey(key) ? Optional.of(unprotectedMap.get(key)) : Optional.empty();
    }

    /**
     * The algorithm, which must be one Civis knows. It may sit in the unprotected bucket (the COSE WG
     * examples do that); this is safe because every trusted key verifies exactly one algorithm.
     */
    public Step<CoseAlgorithm> algorithm() {
        Optional<CBORObject> alg = get(CoseHeader.ALG);
        if (alg.isEmpty()) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "no alg header");
        }
        Optional<Long> id = CborValues.asLong(alg.get());
        if (id.isEmpty()) {
            return Step.refuse(ErrorCode.COSE_ALG_UNSUPPORTED, "alg is not an integer");
        }
        Optional<CoseAlgorithm> known = CoseAlgorithm.byId(id.get());
        return known.isPresent()
                ? Step.ok(known.get())
                : Step.refuse(ErrorCode.COSE_ALG_UNSUPPORTED, "alg " + id.get() + " is not supported");
    }

    /** The kid: a byte string, or (leniently) a text string taken as its UTF-8 bytes. */
    public Step<Optional<Kid>> kid() {
        Optional<CBORObject> kid = get(CoseHeader.KID);
        if (kid.isEmpty()) {
            return Step.ok(Optional.empty());
        }
        Optional<byte[]> bytes = CborValues.asBytes(kid.get())
                .or(() -> CborValues.asText(kid.get()).map(t -> t.getBytes(StandardCharsets.UTF_8)));
        if (bytes.isEmpty()) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "kid is neither a byte nor a text string");
        }
        return Step.ok(bytes.get().length == 0 ? Optional.empty() : Optional.of(Kid.of(bytes.get())));
    }

    public Optional<CBORObject> typ() {
        return get(CoseHeader.TYP);
    }
}
