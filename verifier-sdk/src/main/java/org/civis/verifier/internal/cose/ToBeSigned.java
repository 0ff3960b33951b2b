package org.civis.verifier.internal.cose;

import com.upokecenter.cbor.CBORObject;

/** The byte strings a COSE signature or AEAD tag actually covers (RFC 9052 sections 4.4 and 5.3). */
public final class ToBeSigned {
    private ToBeSigned() {}

    /** {@code ["Signature1", body_protected, external_aad, payload]}. */
    public static byte[] sign1(byte[] protectedBytes, byte[] externalAad, byte[] payload) {
        CBORObject structure = CBORObject.NewArray()
                .Add(CBORObject.FromObject("Signature1"))
                .Add(CBORObject.FromObject(protectedBytes))
                .Add(CBORObject.FromObject(externalAad))
                .Add(CBORObject.FromObject(payload));
        return structure.EncodeToBytes();
    }

    /** {@code ["Encrypt0", protected, external_aad]}, the AAD of COSE_Encrypt0. */
    public static byte[] encrypt0(byte[] protectedBytes, byte[] externalAad) {
        CBORObject structure = CBORObject.NewArray()
                .Add(CBORObject.FromObject("Encrypt0"))
                .Add(CBORObject.FromObject(protectedBytes))
                .Add(CBORObject.FromObject(externalAad));
        return structure.EncodeToBytes();
    }
}
