package org.civis.issuer.cose;

import com.upokecenter.cbor.CBORObject;
import java.util.Map;
import org.civis.issuer.encoding.Cbor;
import org.civis.issuer.keys.IssuerKey;
import org.civis.verifier.spec.CborTag;
import org.civis.verifier.spec.CoseHeader;

/**
 * COSE_Sign1 (RFC 9052 section 4.2) with every security-relevant header protected: {@code alg} and
 * {@code kid} (and {@code typ} when given) are signed; the unprotected header stays empty, so nothing
 * a verifier acts on can be swapped without breaking the signature.
 */
public final class CoseSign1 {
    private static final String CONTEXT = "Signature1";

    private CoseSign1() {}

    /**
     * Signs {@code payload} with {@code key}.
     *
     * @param extraProtected further protected headers by label, for example {@code typ} (16)
     * @param cwtTag whether to wrap the message in the CWT tag 61 as well as COSE_Sign1's tag 18
     * @return the encoded, tagged message
     */
    public static byte[] sign(IssuerKey key, Map<Integer, CBORObject> extraProtected, byte[] payload, boolean cwtTag) {
        CBORObject header = CBORObject.NewMap()
                .Add(CoseHeader.ALG, key.algorithm().cose().id())
                .Add(CoseHeader.KID, key.kidBytes());
        extraProtected.forEach(header::Add);
        byte[] protectedBytes = Cbor.deterministic(header);
        byte[] signature = key.sign(toBeSigned(protectedBytes, payload));
        CBORObject message = CBORObject.NewArray()
                .Add(protectedBytes)
                .Add(CBORObject.NewMap())
                .Add(payload)
                .Add(signature);
        CBORObject tagged = CBORObject.FromObjectAndTag(message, CborTag.COSE_SIGN1);
        return (cwtTag ? CBORObject.FromObjectAndTag(tagged, CborTag.CWT) : tagged).EncodeToBytes();
    }

    /** The bytes signed: Sig_structure {@code ["Signature1", protected, external_aad (empty), payload]}. */
    static byte[] toBeSigned(byte[] protectedBytes, byte[] payload) {
        return Cbor.deterministic(CBORObject.NewArray()
                .Add(CONTEXT)
                .Add(protectedBytes)
                .Add(new byte[0])
                .Add(payload));
    }
}
