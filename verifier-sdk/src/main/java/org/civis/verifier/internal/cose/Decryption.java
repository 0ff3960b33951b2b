package org.civis.verifier.internal.cose;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.civis.verifier.internal.Step;
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

    public static Step<byte[]> decrypt(CoseMessage.Encrypt0 message, KeyRing keys) {
        Step<CoseAlgorithm> algorithm = message.headers().algorithm();
        if (algorithm.isRefused()) {
            return algorithm.refusal();
        }
        int keyBytes;
        if (algorithm.value() == CoseAlgorithm.A128GCM) {
            keyBytes = 16;
        } else if (algorithm.value() == CoseAlgorithm.A256GCM) {
            keyBytes = 32;
        } else {
            return Step.refuse(
                    ErrorCode.COSE_ALG_UNSUPPORTED, algorithm.value().joseName() + " is not an encryption algorithm");
        }
        if (message.headers().get(CoseHeader.PARTIAL_IV).isPresent()) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "Partial IV needs a context this verifier does not have");
        }
        Optional<byte[]> iv = message.headers().get(CoseHeader.IV).flatMap(CborValues::asBytes);
        if (iv.isEmpty()) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "no IV (header 5) byte string");
        }
        if (iv.get().length != 12) {
            return Step.refuse(ErrorCode.COSE_STRUCTURE, "AES-GCM IV is 12 bytes, not " + iv.get().length);
        }
        if (message.ciphertext().length < TAG_BITS / 8) {
            return Step.refuse(ErrorCode.DECRYPTION_FAILED, "ciphertext shorter than the GCM tag");
        }
        Step<Optional<Kid>> kid = message.headers().kid();
        if (kid.isRefused()) {
            return kid.refusal();
        }
        List<DecryptionKey> candidates = keys.decryptionCandidates(kid.value()).stream()
                .filter(k -> k.secret().length == keyBytes)
                .toList();
        if (candidates.isEmpty()) {
            return Step.refuse(
                    ErrorCode.DECRYPTION_KEY_UNKNOWN,
                    "no " + keyBytes * 8 + "-bit decryption key"
                            + kid.value().map(k -> " with kid " + k.hex()).orElse(""));
        }
        byte[] aad = ToBeSigned.encrypt0(message.headers().signedProtectedBytes(), new byte[0]);
        for (DecryptionKey key : candidates) {
            Optional<byte[]> plaintext = tryDecrypt(key.secret(), iv.get(), aad, message.ciphertext());
            if (plaintext.isPresent()) {
                return Step.ok(plaintext.get());
            }
        }
        return Step.refuse(ErrorCode.DECRYPTION_FAILED, "no decryption key opens the ciphertext");
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
