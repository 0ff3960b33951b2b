package org.civis.verifier.internal.cwt;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.time.Instant;
import java.util.Optional;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Rejection;
import org.civis.verifier.internal.cbor.BoundedCbor;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.spec.CwtClaim;
import org.civis.verifier.verdict.ErrorCode;

/** Reads the CWT claims map from a COSE payload. */
public final class CwtReader {
    // Year 9999: beyond it Instant arithmetic is still fine, but no credential means it.
    private static final double MAX_SECONDS = 253_402_300_799d;

    private CwtReader() {}

    public static Cwt read(byte[] payload, Bounds limits) throws Rejection {
        CBORObject map;
        try {
            map = BoundedCbor.decode(payload, limits);
        } catch (Rejection e) {
            if (e.error().code() == ErrorCode.CBOR_TOO_COMPLEX) {
                throw e;
            }
            throw new Rejection(ErrorCode.CWT_NOT_A_MAP, "payload is not CBOR");
        }
        if (!CborValues.isMap(map) || map.isTagged()) {
            throw new Rejection(ErrorCode.CWT_NOT_A_MAP, "payload is not a CBOR map");
        }
        return new Cwt(
                text(map, CwtClaim.ISS, "iss"),
                text(map, CwtClaim.SUB, "sub"),
                date(map, CwtClaim.EXP, "exp"),
                date(map, CwtClaim.NBF, "nbf"),
                date(map, CwtClaim.IAT, "iat"),
                map);
    }

    private static Optional<String> text(CBORObject map, int key, String name) throws Rejection {
        CBORObject value = map.get(CBORObject.FromObject(key));
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(CborValues.asText(value)
                .orElseThrow(() -> new Rejection(ErrorCode.CWT_CLAIM_INVALID, name + " is not a text string")));
    }

    /** A NumericDate: an integer or float of seconds, optionally under tag 1 (RFC 8392 section 2). */
    private static Optional<Instant> date(CBORObject map, int key, String name) throws Rejection {
        CBORObject value = map.get(CBORObject.FromObject(key));
        if (value == null) {
            return Optional.empty();
        }
        CBORObject number = value;
        if (number.isTagged()) {
            if (number.getTagCount() != 1 || !number.HasMostOuterTag(1)) {
                throw new Rejection(ErrorCode.CWT_CLAIM_INVALID, name + " carries a tag other than 1");
            }
            number = number.UntagOne();
        }
        if (number.getType() == CBORType.Integer) {
            if (!number.CanValueFitInInt64() || number.AsInt64Value() < 0 || number.AsInt64Value() > MAX_SECONDS) {
                throw new Rejection(ErrorCode.CWT_CLAIM_INVALID, name + " is out of range");
            }
            return Optional.of(Instant.ofEpochSecond(number.AsInt64Value()));
        }
        if (number.getType() == CBORType.FloatingPoint) {
            double seconds = number.AsDoubleValue();
            if (!Double.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
                throw new Rejection(ErrorCode.CWT_CLAIM_INVALID, name + " is out of range");
            }
            return Optional.of(Instant.ofEpochMilli((long) Math.floor(seconds * 1000)));
        }
        throw new Rejection(ErrorCode.CWT_CLAIM_INVALID, name + " is not a NumericDate");
    }
}
