package org.civis.verifier.internal.cose;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.numbers.EInteger;
import java.util.Optional;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Rejection;
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

    public static CoseMessage parse(CBORObject item, Bounds limits) throws Rejection {
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
                throw new Rejection(
                        ErrorCode.COSE_STRUCTURE, "CBOR tag " + tag + " is not COSE_Sign1 or COSE_Encrypt0");
            }
        }
        if (tags.length > next) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, "unexpected CBOR tag " + tags[next]);
        }
        CBORObject array = item.Untag();
        if (!CborValues.isArray(array)) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, "a COSE message is an array");
        }
        int kind = coseTag.orElseGet(() -> array.size() == 4 ? CborTag.COSE_SIGN1 : CborTag.COSE_ENCRYPT0);
        if (kind == CborTag.COSE_SIGN1) {
            expectSize(array, 4, "COSE_Sign1");
            return new CoseMessage.Sign1(
                    headers(array, limits), bytes(array.get(2), "payload"), bytes(array.get(3), "signature"));
        }
        expectSize(array, 3, "COSE_Encrypt0");
        return new CoseMessage.Encrypt0(headers(array, limits), bytes(array.get(2), "ciphertext"));
    }

    private static void expectSize(CBORObject array, int size, String name) throws Rejection {
        if (array.size() != size) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, name + " has " + size + " elements, not " + array.size());
        }
    }

    private static byte[] bytes(CBORObject element, String name) throws Rejection {
        return CborValues.asBytes(element)
                .orElseThrow(() -> new Rejection(
                        ErrorCode.COSE_STRUCTURE,
                        name + " is not a byte string"
                                + (element.isNull() ? " (detached content is not supported)" : "")));
    }

    private static CoseHeaders headers(CBORObject array, Bounds limits) throws Rejection {
        byte[] protectedBytes = bytes(array.get(0), "protected header");
        CBORObject protectedMap =
                protectedBytes.length == 0 ? CBORObject.NewMap() : BoundedCbor.decode(protectedBytes, limits);
        if (!CborValues.isMap(protectedMap) || protectedMap.isTagged()) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, "protected header is not a map");
        }
        CBORObject unprotectedMap = array.get(1);
        if (!CborValues.isMap(unprotectedMap) || unprotectedMap.isTagged()) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, "unprotected header is not a map");
        }
        for (CBORObject label : protectedMap.getKeys()) {
            if (unprotectedMap.ContainsKey(label)) {
                throw new Rejection(ErrorCode.COSE_STRUCTURE, "header " + label + " is both protected and unprotected");
            }
        }
        if (protectedMap.ContainsKey(CBORObject.FromObject(CoseHeader.CRIT))
                || unprotectedMap.ContainsKey(CBORObject.FromObject(CoseHeader.CRIT))) {
            // crit names extension headers a recipient must understand; this verifier understands none.
            throw new Rejection(
                    ErrorCode.COSE_CRIT_UNSUPPORTED, "crit header names extensions this verifier does not know");
        }
        return new CoseHeaders(protectedBytes, protectedMap, unprotectedMap);
    }
}
