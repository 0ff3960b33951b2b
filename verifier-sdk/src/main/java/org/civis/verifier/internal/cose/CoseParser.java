package org.civis.verifier.internal.cose;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.numbers.EInteger;
import java.util.Optional;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Step;
import org.civis.verifier.internal.cbor.BoundedCbor;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.spec.CborTag;
import org.civis.verifier.spec.CoseHeader;
import org.civis.verifier.verdict.ErrorCode;

/**
 * Reads the COSE structure of a decoded CBOR item: an optional CWT tag (61) around a COSE_Sign1
 * (18) or COSE_Encrypt0 (16) tag, or an untagged array told apart by its length. Any other tag is
 * refused: a COSE_Sign (98) or MAC message is not a credential this verifier can judge.
 */
public final class CoseParser {
    private CoseParser() {}

    /** The bytes decoded as bounded CBOR, then parsed as a COSE message. */
    public static Step<CoseMessage> decode(byte[] cbor, Bounds limits) {
        Step<CBORObject> item = BoundedCbor.decode(cbor, limits);
        return item.isRefused() ? item.refusal() : parse(item.value(), limits);
    }

    public static Step<CoseMessage> parse(CBORObject item, Bounds limits) {
        EInteger[] tags = item.GetAllTags();
        int next = 0;
        if (tags.length > next && tags[next].equals(EInteger.FromInt32(CborTag.CWT))) {
            next++;
        }
        Optional<Integer> coseTag = Optional.empty();
        if (tags.length > next) {
            EInteger tag = tags[next++];
            if (tag.equals(EInteger.FromInt32(CborTag.COSE_SIGN1))) {
                coseTag = Optional.of(CborTag.COSE_SIGN1);
            } else if (tag.equals(EInteger.FromInt32(CborTag.COSE_ENCRYPT0))) {
                coseTag = Optional.of(CborTag.COSE_ENCRYPT0);
            } else {
                return Step.refuse(ErrorCode.COSE_STRUCTURE, "CBOR tag " + tag + " is not COSE_Sign1 or COSE_Encrypt0");
            }
        }
        if (tags.length > next) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "unexpected CBOR tag " + tags[next]);
        }
        CBORObject array = item.Untag();
        if (!CborValues.isArray(array)) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "a COSE message is an array");
        }
        int kind = coseTag.orElseGet(() -> array.size() == 4 ? CborTag.COSE_SIGN1 : CborTag.COSE_ENCRYPT0);
        return kind == CborTag.COSE_SIGN1 ? sign1(array, limits) : encrypt0(array, limits);
    }

    private static Step<CoseMessage> sign1(CBORObject array, Bounds limits) {
        if (array.size() != 4) {
            return wrongSize(array, 4, "COSE_Sign1");
        }
        Step<CoseHeaders> headers = headers(array, limits);
        if (headers.isRefused()) {
            return headers.refusal();
        }
        Step<byte[]> payload = bytes(array.get(2), "payload");
        if (payload.isRefused()) {
            return payload.refusal();
        }
        Step<byte[]> signature = bytes(array.get(3), "signature");
        if (signature.isRefused()) {
            return signature.refusal();
        }
        return Step.ok(new CoseMessage.Sign1(headers.value(), payload.value(), signature.value()));
    }

    private static Step<CoseMessage> encrypt0(CBORObject array, Bounds limits) {
        if (array.size() != 3) {
            return wrongSize(array, 3, "COSE_Encrypt0");
        }
        Step<CoseHeaders> headers = headers(array, limits);
        if (headers.isRefused()) {
            return headers.refusal();
        }
        Step<byte[]> ciphertext = bytes(array.get(2), "ciphertext");
        if (ciphertext.isRefused()) {
            return ciphertext.refusal();
        }
        return Step.ok(new CoseMessage.Encrypt0(headers.value(), ciphertext.value()));
    }

    private static Step<CoseMessage> wrongSize(CBORObject array, int size, String name) {
        return Step.refuse(ErrorCode.COSE_STRUCTURE, name + " has " + size + " elements, not " + array.size());
    }

    private static Step<byte[]> bytes(CBORObject element, String name) {
        Optional<byte[]> bytes = CborValues.asBytes(element);
        if (bytes.isPresent()) {
            return Step.ok(bytes.get());
        }
        return Step.refuse(
                ErrorCode.COSE_STRUCTURE,
                name + " is not a byte string" + (element.isNull() ? " (detached content is not supported)" : ""));
    }

    private static Step<CoseHeaders> headers(CBORObject array, Bounds limits) {
        Step<byte[]> protectedBytes = bytes(array.get(0), "protected header");
        if (protectedBytes.isRefused()) {
            return protectedBytes.refusal();
        }
        CBORObject protectedMap = CBORObject.NewMap();
        if (protectedBytes.value().length != 0) {
            Step<CBORObject> decoded = BoundedCbor.decode(protectedBytes.value(), limits);
            if (decoded.isRefused()) {
                return decoded.refusal();
            }
            protectedMap = decoded.value();
        }
        if (!CborValues.isMap(protectedMap) || protectedMap.isTagged()) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "protected header is not a map");
        }
        CBORObject unprotectedMap = array.get(1);
        if (!CborValues.isMap(unprotectedMap) || unprotectedMap.isTagged()) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "unprotected header is not a map");
        }
        for (CBORObject label : protectedMap.getKeys()) {
            if (unprotectedMap.ContainsKey(label)) {
                return Step.refuse(ErrorCode.COSE_STRUCTURE, "header " + label + " is both protected and unprotected");
            }
        }
        if (protectedMap.ContainsKey(CBORObject.FromObject(CoseHeader.CRIT))
                || unprotectedMap.ContainsKey(CBORObject.FromObject(CoseHeader.CRIT))) {
            // crit names extension headers a recipient must understand; this verifier understands none.
            return Step.refuse(
                    ErrorCode.COSE_CRIT_UNSUPPORTED, "crit header names extensions this verifier does not know");
        }
        return Step.ok(new CoseHeaders(protectedBytes.value(), protectedMap, unprotectedMap));
    }
}
