package org.civis.verifier.internal.cbor;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.util.Optional;
import org.civis.verifier.internal.Bounds;
import org.civis.verifier.internal.Step;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.VerificationError;

/** Decodes one CBOR data item and refuses it if it nests too deep or holds too many items. */
public final class BoundedCbor {
    // Duplicate map keys would let two readers see two different credentials: refused.
    private static final CBOREncodeOptions OPTIONS = new CBOREncodeOptions("allowduplicatekeys=false");

    private BoundedCbor() {}

    public static Step<CBORObject> decode(byte[] bytes, Bounds limits) {
        if (bytes.length == 0) {
            return Step.refuse(ErrorCode.CBOR_INVALID, "no CBOR data");
        }
        CBORObject object;
        try {
            object = CBORObject.DecodeFromBytes(bytes, OPTIONS);
        } catch (CBORException e) {
            return Step.refuse(ErrorCode.CBOR_INVALID, "not one well-formed CBOR item");
        } catch (RuntimeException e) {
            // The decoder's documented failure is CBORException; anything else on hostile input is
            // still a malformed credential, not a reason to crash the verifier.
            return Step.refuse(ErrorCode.CBOR_INVALID, "not one well-formed CBOR item");
        }
        Optional<VerificationError> shape = checkShape(object, limits);
        return shape.isPresent() ? new Step.Refused<>(shape.get()) : Step.ok(object);
    }

    /** Why the item is too complex, or empty when it is within the limits. */
    public static Optional<VerificationError> checkShape(CBORObject object, Bounds limits) {
        Walk walk = new Walk(limits);
        walk.visit(object, 1);
        return Optional.ofNullable(walk.problem);
    }

    /**
     * One walk over an item: the item count so far and the first problem found. The recursion
     * stops at the depth limit, far below stack risk, and unwinds as soon as a problem is set.
     */
    private static final class Walk {
        private final Bounds limits;
        private int items;
        private VerificationError problem;

        Walk(Bounds limits) {
            this.limits = limits;
        }

        /** False once a problem is found: the caller stops walking. */
        boolean visit(CBORObject object, int depth) {
            int tagDepth = object.getTagCount();
            if (depth + tagDepth > limits.maxCborDepth()) {
                problem = new VerificationError(
                        ErrorCode.CBOR_TOO_COMPLEX, "CBOR nests deeper than " + limits.maxCborDepth());
                return false;
            }
            if (++items > limits.maxCborItems()) {
                problem = new VerificationError(
                        ErrorCode.CBOR_TOO_COMPLEX, "more than " + limits.maxCborItems() + " CBOR items");
                return false;
            }
            CBORType type = object.getType();
            if (type == CBORType.Array) {
                for (CBORObject element : object.getValues()) {
                    if (!visit(element, depth + tagDepth + 1)) {
                        return false;
                    }
                }
            } else if (type == CBORType.Map) {
                for (var entry : object.getEntries()) {
                    if (!visit(entry.getKey(), depth + tagDepth + 1)
                            || !visit(entry.getValue(), depth + tagDepth + 1)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
