package org.civis.issuer.encoding;

import com.upokecenter.cbor.CBOREncodeOptions;
import com.upokecenter.cbor.CBORObject;

/**
 * Deterministic CBOR: the same claims always give the same bytes, so a signature can be recomputed
 * and sizes measured ahead. PeterO's CTAP2 canonical form sorts map keys (shortest encoding first,
 * then bytewise), uses the shortest integer and length forms and no indefinite lengths. For the maps
 * we write (non-negative integer keys, short text keys) that order is also RFC 8949's core
 * deterministic one. CTAP2 forbids tags and nests at most four deep, so tags are added around the
 * canonical parts, never inside them.
 */
public final class Cbor {
    private static final CBOREncodeOptions CANONICAL = new CBOREncodeOptions("ctap2canonical=true");

    private Cbor() {}

    /** The deterministic encoding of an untagged map or array. */
    public static byte[] deterministic(CBORObject object) {
        return object.EncodeToBytes(CANONICAL);
    }
}
