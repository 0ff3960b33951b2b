package org.civis.verifier.internal.cbor;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Rejection;
import org.civis.verifier.verdict.ErrorCode;

/** Decodes one CBOR data item and refuses it if it nests too deep or holds too many items. */
public final class BoundedCbor {
    // Duplicate map keys would let two readers see two different credentials: refused.
    private static final CBOREncodeOptions OPTIONS = new CBOREncodeOptions("allowduplicatekeys=false");

    private BoundedCbor() {}

    public static CBORObject decode(byte[] bytes, Bounds limits) throws Rejection {
        if (bytes.length == 0) {
            throw new Rejection(ErrorCode.CBOR_INVALID, "no CBOR data");
        }
        CBORObject object;
        try {
            object = CBORObject.DecodeFromBytes(bytes, OPTIONS);
        } catch (CBORException e) {
            throw new Rejection(ErrorCode.CBOR_INVALID, "not one well-formed CBOR item");
        } catch (RuntimeException e) {
            // The decoder's documented failure is CBORException; anything else on hostile input is
            // still a malformed credential, not a reason to crash the verifier.
            throw new Rejection(ErrorCode.CBOR_INVALID, "not one well-formed CBOR item");
        }
        checkShape(object, limits);
        return object;
    }

    /** Walks the item iteratively-bounded: recursion stops at the depth limit, far below stack risk. */
    public static void checkShape(CBORObject object, Bounds limits) throws Rejection {
        int[] items = {0};
        walk(object, 1, limits, items);
    }

    private static void walk(CBORObject object, int depth, Bounds limits, int[] items) throws Rejection {
        int tagDepth = object.getTagCount();
        if (depth + tagDepth > limits.maxCborDepth()) {
            throw new Rejection(ErrorCode.CBOR_TOO_COMPLEX, "CBOR nests deeper than " + limits.maxCborDepth());
        }
        if (++items[0] > limits.maxCborItems()) {
            throw new Rejection(ErrorCode.CBOR_TOO_COMPLEX, "more than " + limits.maxCborItems() + " CBOR items");
        }
        CBORType type = object.getType();
        if (type == CBORType.Array) {
            for (CBORObject element : object.getValues()) {
                walk(element, depth + tagDepth + 1, limits, items);
            }
        } else if (type == CBORType.Map) {
            for (var entry : object.getEntries()) {
                walk(entry.getKey(), depth + tagDepth + 1, limits, items);
                walk(entry.getValue(), depth + tagDepth + 1, limits, items);
            }
        }
    }
}
