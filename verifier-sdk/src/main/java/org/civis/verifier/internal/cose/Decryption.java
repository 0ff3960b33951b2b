package org.civis.verifier.internal.cose;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.civis.verifier.internal.Rejection;
import org.civis.verifier.internal.cbor.CborValues;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.spec.CoseHeader;
import org.civis.verifier.trust.DecryptionKey;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.trust.Kid;
import org.civis.verifier.verdict.ErrorCode;

/** COSE_Encrypt0 with A128GCM or A256GCM: the IV from header 5, the Enc_structure as AAD. */
public final class Decryption {
    private static final int TAG_BITS = 128;

    private Decryption() {}

    public static byte[] decrypt(CoseMessage.Encrypt0 message, KeyRing keys) throws Rejection {
        CoseAlgorithm algorithm = message.headers().algorithm();
        int keyBytes;
        if (algorithm == CoseAlgorithm.A128GCM) {
            keyBytes = 16;
        } else if (algorithm == CoseAlgorithm.A256GCM) {
            keyBytes = 32;
        } else {
            throw new Rejection(
                    ErrorCode.COSE_ALG_UNSUPPORTED, algorithm.joseName() + " is not an encryption algorithm");
        }
        if (message.headers().get(CoseHeader.PARTIAL_IV).isPresent()) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, "Partial IV needs a context this verifier does not have");
        }
        byte[] iv = message.headers()
                .get(CoseHeader.IV)
                .flatMap(CborValues::asBytes)
                .orElseThrow(() -> new Rejection(ErrorCode.COSE_STRUCTURE, "no IV (header 5) byte string"));
        if (iv.length != 12) {
            throw new Rejection(ErrorCode.COSE_STRUCTURE, "AES-GCM IV is 12 bytes, not " + iv.length);
        }
        if (message.ciphertext().length < TAG_BITS / 8) {
            throw new Rejection(ErrorCode.DECRYPTION_FAILED, "ciphertext shorter than the GCM tag");
        }
        Optional<Kid> kid = message.headers().kid();
        List<DecryptionKey> candidates = keys.decryptionCandidates(kid).stream()
                .filter(k -> k.secret().length == keyBytes)
                .toList();
        if (candidates.isEmpty()) {
            throw new Rejection(
                    ErrorCode.DECRYPTION_KEY_UNKNOWN,
                    "no " + keyBytes * 8 + "-bit decryption key"
                            + kid.map(k -> " with kid " + k.hex()).orElse(""));
        }
        byte[] aad = ToBeSigned.encrypt0(message.headers().signedProtectedBytes(), new byte[0]);
        for (DecryptionKey key : candidates) {
            Optional<byte[]> plaintext = tryDecrypt(key.secret(), iv, aad, message.ciphertext());
            if (plaintext.isPresent()) {
                return plaintext.get();
            }
        }
        throw new Rejection(ErrorCode.DECRYPTION_FAILED, "no decryption key opens the ciphertext");
    }

    private static Optional<byte[]> tryDecrypt(byte[] secret, byte[] iv, byte[] aad, byte[] ciphertext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            return Optional.of(cipher.doFinal(ciphertext));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
