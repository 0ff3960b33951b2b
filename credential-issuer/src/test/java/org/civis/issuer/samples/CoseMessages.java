package org.civis.issuer.samples;

import com.upokecenter.cbor.CBORObject;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import org.civis.issuer.keys.SigningAlgorithm;

/**
 * Reads and checks COSE_Sign1 messages the way an independent verifier would: the Sig_structure is
 * rebuilt here from the decoded message (RFC 9052 section 4.4), and the signature checked with plain
 * JCA (the issuer signs Ed25519 with Bouncy Castle; the JDK verifies).
 */
public final class CoseMessages {
    private CoseMessages() {}

    /** The four-element COSE_Sign1 array under tag 18, itself optionally under tag 61. */
    public static CBORObject sign1(byte[] encoded, boolean expectCwtTag) {
        CBORObject outer = CBORObject.DecodeFromBytes(encoded);
        CBORObject message = outer;
        if (expectCwtTag) {
            if (!outer.HasMostOuterTag(61)) {
                throw new AssertionError("not under CWT tag 61");
            }
            message = outer.UntagOne();
        }
        if (!message.HasMostOuterTag(18)) {
            throw new AssertionError("not a tagged COSE_Sign1");
        }
        message = message.UntagOne();
        if (message.isTagged() || message.size() != 4) {
            throw new AssertionError("COSE_Sign1 is an untagged array of four");
        }
        return message;
    }

    public static CBORObject protectedHeader(CBORObject sign1) {
        return CBORObject.DecodeFromBytes(sign1.get(0).GetByteString());
    }

    public static CBORObject payload(CBORObject sign1) {
        return CBORObject.DecodeFromBytes(sign1.get(2).GetByteString());
    }

    /** Whether the signature verifies; a malformed one (JCA throws, for example Ed25519 with s too large) does not. */
    public static boolean verifies(CBORObject sign1, PublicKey key, SigningAlgorithm algorithm) throws Exception {
        byte[] toBeSigned = CBORObject.NewArray()
                .Add("Signature1")
                .Add(sign1.get(0).GetByteString())
                .Add(new byte[0])
                .Add(sign1.get(2).GetByteString())
                .EncodeToBytes();
        Signature jca =
                Signature.getInstance(algorithm == SigningAlgorithm.EDDSA ? "Ed25519" : "SHA256withECDSAinP1363Format");
        jca.initVerify(key);
        jca.update(toBeSigned);
        try {
            return jca.verify(sign1.get(3).GetByteString());
        } catch (SignatureException malformed) {
            return false;
        }
    }
}
