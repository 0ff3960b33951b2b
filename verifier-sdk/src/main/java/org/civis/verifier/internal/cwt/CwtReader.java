package org.civis.verifier.internal.cwt;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.time.Instant;
import java.util.Optional;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Step;
import org.civis.verifier.internal.cbor.BoundedCbor;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.spec.CwtClaim;
import org.civis.verifier.verdict.ErrorCode;

/** Reads the CWT claims map from a COSE payload. */
public final class CwtReader {
    // Year 9999: beyond it Instant arithmetic is still fine, but no credential means it.
    private static final double MAX_SECONDS = 253_402_300_799d;

    private CwtReader() {}

    public static Step<Cwt> read(byte[] payload, Bounds limits) {
        Step<CBORObject> decoded = BoundedCbor.decode(payload, limits);
        if (decoded.isRefused()) {
            return decoded.error().code() == ErrorCode.CBOR_TOO_COMPLEX
                    ? decoded.refusal()
                    : Step.refuse(ErrorCode.CWT_NOT_A_MAP, "payload is not CBOR");
        }
        CBORObject map = decoded.value();
        if (!CborValues.isMap(map) || map.isTagged()) {
            return Step.refuse(ErrorCode.CWT_NOT_A_MAP, "payload is not a CBOR map");
        }
        Step<Optional<String>> issuer = text(map, CwtClaim.ISS, "iss");
        if (issuer.isRefused()) {
            return issuer.refusal();
        }
        Step<Optional<String>> subject = text(map, CwtClaim.SUB, "sub");
        if (subject.isRefused()) {
            return subject.refusal();
        }
        Step<Optional<Instant>> expiresAt = date(map, CwtClaim.EXP, "exp");
        if (expiresAt.isRefused()) {
            return expiresAt.refusal();
        }
        Step<Optional<Instant>> notBefore = date(map, CwtClaim.NBF, "nbf");
        if (notBefore.isRefused()) {
            return notBefore.refusal();
        }
        Step<Optional<Instant>> issuedAt = date(map, CwtClaim.IAT, "iat");
        if (issuedAt.isRefused()) {
            return issuedAt.refusal();
        }
        return Step.ok(
                new Cwt(issuer.value(), subject.value(), expiresAt.value(), notBefore.value(), issuedAt.value(), map));
    }

    private static Step<Optional<String>> text(CBORObject map, int key, String name) {
        CBORObject value = map.get(CBORObject.FromObject(key));
        if (value == null) {
            return Step.ok(Optional.empty());
        }
        Optional<String> text = CborValues.asText(value);
        return text.isPresent()
                ? Step.ok(text)
                : Step.refuse(ErrorCode.CWT_CLAIM_INVALID, name + " is not a text string");
    }

    /** A NumericDate: an integer or float of seconds, optionally under tag 1 (RFC 8392 section 2). */
    private static Step<Optional<Instant>> date(CBORObject map, int key, String name) {
        CBORObject value = map.get(CBORObject.FromObject(key));
        if (value == null) {
            return Step.ok(Optional.empty());
        }
        CBORObject number = value;
        if (number.isTagged()) {
            if (number.getTagCount() != 1 || !number.HasMostOuterTag(1)) {
                return Step.refuse(ErrorCode.CWT_CLAIM_INVALID, name + " carries a tag other than 1");
            }
            number = number.UntagOne();
        }
        if (number.getType() == CBORType.Integer) {
            if (!number.CanValueFitInInt64() || number.AsInt64Value() < 0 || number.AsInt64Value() > MAX_SECONDS) {
                return Step.refuse(ErrorCode.CWT_CLAIM_INVALID, name + " is out of range");
            }
            return Step.ok(Optional.of(Instant.ofEpochSecond(number.AsInt64Value())));
        }
        if (number.getType() == CBORType.FloatingPoint) {
            double seconds = number.AsDoubleValue();
            if (!Double.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) {
                return Step.refuse(ErrorCode.CWT_CLAIM_INVALID, name + " is out of range");
            }
            return Step.ok(Optional.of(Instant.ofEpochMilli((long) Math.floor(seconds * 1000))));
        }
        return Step.refuse(ErrorCode.CWT_CLAIM_INVALID, name + " is not a NumericDate");
    }
}
