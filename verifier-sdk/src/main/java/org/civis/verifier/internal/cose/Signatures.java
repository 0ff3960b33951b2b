package org.civis.verifier.internal.cose;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import org.civis.verifier.spec.CoseAlgorithm;

/**
 * One signature check through JCA. COSE carries ECDSA signatures as r||s of fixed size (RFC 9053
 * section 2.1); JCA wants DER, so they are converted here. A provider may be named for platforms
 * whose default one lacks Ed25519 (older Android: register Bouncy Castle and pass it).
 */
public final class Signatures {
    private Signatures() {}

    /** True only for a signature of the right size that verifies; false for anything else, never an exception. */
    public static boolean verify(
            CoseAlgorithm algorithm, PublicKey key, byte[] toBeSigned, byte[] signature, Optional<Provider> provider) {
        try {
            Signature verifier;
            byte[] jcaSignature = signature;
            switch (algorithm) {
                case EDDSA:
                    if (signature.length != 64 && signature.length != 114) {
                        return false;
                    }
                    verifier = instance("EdDSA", provider);
                    break;
                case ES256:
                    jcaSignature = rawToDer(signature, 32);
                    verifier = instance("SHA256withECDSA", provider);
                    break;
                case ES384:
                    jcaSignature = rawToDer(signature, 48);
                    verifier = instance("SHA384withECDSA", provider);
                    break;
                case PS256:
                    verifier = instance("RSASSA-PSS", provider);
                    // RFC 8230: SHA-256, MGF1 with SHA-256, salt as long as the hash.
                    verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    break;
                default:
                    return false;
            }
            if (jcaSignature == null) {
                return false;
            }
            verifier.initVerify(key);
            verifier.update(toBeSigned);
            return verifier.verify(jcaSignature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A key/algorithm mismatch or a signature the provider cannot parse: not a valid signature.
            return false;
        }
    }

    private static Signature instance(String name, Optional<Provider> provider) throws GeneralSecurityException {
        return provider.isPresent() ? Signature.getInstance(name, provider.get()) : Signature.getInstance(name);
    }

    /** r||s to an ASN.1 SEQUENCE of two INTEGERs; null when the size is wrong or r or s is zero. */
    static byte[] rawToDer(byte[] raw, int half) {
        if (raw.length != 2 * half) {
            return null;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length));
        if (r.signum() == 0 || s.signum() == 0) {
            return null;
        }
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        int bodyLength = 2 + rb.length + 2 + sb.length;
        byte[] lengthBytes =
                bodyLength < 128 ? new byte[] {(byte) bodyLength} : new byte[] {(byte) 0x81, (byte) bodyLength};
        byte[] der = new byte[1 + lengthBytes.length + bodyLength];
        int i = 0;
        der[i++] = 0x30;
        for (byte b : lengthBytes) {
            der[i++] = b;
        }
        der[i++] = 0x02;
        der[i++] = (byte) rb.length;
        System.arraycopy(rb, 0, der, i, rb.length);
        i += rb.length;
        der[i++] = 0x02;
        der[i++] = (byte) sb.length;
        System.arraycopy(sb, 0, der, i, sb.length);
        return der;
    }
}
