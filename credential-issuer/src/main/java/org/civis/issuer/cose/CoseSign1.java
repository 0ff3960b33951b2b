package org.civis.issuer.cose;

import com.upokecenter.cbor.CBORObject;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.civis.issuer.encoding.Cbor;
import org.civis.issuer.keys.IssuerKey;
import org.civis.issuer.keys.SigningAlgorithm;
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
        return assemble(key, extraProtected, payload, cwtTag, key::sign);
    }

    /**
     * A message shaped exactly like {@link #sign}'s, of the same length, whose "signature" is a
     * stand-in: as many bytes, as incompressible, but a function of the message alone (SHA-256 in
     * counter mode). It signs nothing and must never leave the issuer. It exists for sizing: an ES256
     * signature is random, so how well a signed message compresses varies from one signing to the
     * next, and any choice made on that size (how much room the photo gets) would vary with it.
     */
    public static byte[] standIn(
            IssuerKey key, Map<Integer, CBORObject> extraProtected, byte[] payload, boolean cwtTag) {
        return assemble(key, extraProtected, payload, cwtTag, CoseSign1::standInSignature);
    }

    private static byte[] assemble(
            IssuerKey key,
            Map<Integer, CBORObject> extraProtected,
            byte[] payload,
            boolean cwtTag,
            UnaryOperator<byte[]> signer) {
        CBORObject header = CBORObject.NewMap()
                .Add(CoseHeader.ALG, key.algorithm().cose().id())
                .Add(CoseHeader.KID, key.kidBytes());
        extraProtected.forEach(header::Add);
        byte[] protectedBytes = Cbor.deterministic(header);
        byte[] signature = signer.apply(toBeSigned(protectedBytes, payload));
        CBORObject message = CBORObject.NewArray()
                .Add(protectedBytes)
                .Add(CBORObject.NewMap())
                .Add(payload)
                .Add(signature);
        CBORObject tagged = CBORObject.FromObjectAndTag(message, CborTag.COSE_SIGN1);
        return (cwtTag ? CBORObject.FromObjectAndTag(tagged, CborTag.CWT) : tagged).EncodeToBytes();
    }

    private static byte[] standInSignature(byte[] toBeSigned) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            ByteBuffer signature = ByteBuffer.allocate(SigningAlgorithm.SIGNATURE_BYTES);
            for (int block = 0; signature.hasRemaining(); block++) {
                sha256.update(toBeSigned);
                byte[] digest =
                        sha256.digest(ByteBuffer.allocate(4).putInt(block).array());
                signature.put(digest, 0, Math.min(digest.length, signature.remaining()));
            }
            return signature.array();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
