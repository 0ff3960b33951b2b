package org.civis.verifier.internal.cose;

import java.security.Provider;
import java.util.List;
import java.util.Optional;
import org.civis.verifier.internal.Rejection;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.trust.KeyRing;
import org.civis.verifier.trust.Kid;
import org.civis.verifier.trust.TrustedKey;
import org.civis.verifier.verdict.ErrorCode;

/**
 * Checks a COSE_Sign1 against the key ring. Order matters: an empty signature is never valid
 * (whatever the kid), then the kid picks the candidate keys, then each candidate that may verify
 * the message's algorithm is tried.
 */
public final class SignatureCheck {
    /** How a COSE_Sign1 stands: signed by a trusted key, or carrying no signature at all. */
    public sealed interface Outcome permits Signed, Unsigned {}

    public record Signed(TrustedKey key) implements Outcome {}

    public record Unsigned() implements Outcome {}

    private SignatureCheck() {}

    public static Outcome check(
            CoseMessage.Sign1 message, KeyRing keys, byte[] externalAad, Optional<Provider> provider) throws Rejection {
        CoseAlgorithm algorithm = message.headers().algorithm();
        if (algorithm == CoseAlgorithm.A128GCM || algorithm == CoseAlgorithm.A256GCM) {
            throw new Rejection(ErrorCode.COSE_ALG_UNSUPPORTED, algorithm.joseName() + " is not a signature algorithm");
        }
        if (message.signature().length == 0) {
            return new Unsigned();
        }
        Optional<Kid> kid = message.headers().kid();
        List<TrustedKey> candidates = keys.candidates(kid);
        if (candidates.isEmpty()) {
            throw new Rejection(
                    ErrorCode.KEY_UNKNOWN,
                    kid.map(k -> "no trusted key has kid " + k.hex()).orElse("no kid and no kid-less trusted key"));
        }
        List<TrustedKey> usable =
                candidates.stream().filter(k -> k.verifies(algorithm)).toList();
        if (usable.isEmpty()) {
            throw new Rejection(
                    ErrorCode.KEY_ALG_MISMATCH, "no trusted key for this kid verifies " + algorithm.joseName());
        }
        byte[] toBeSigned = ToBeSigned.sign1(message.headers().signedProtectedBytes(), externalAad, message.payload());
        for (TrustedKey key : usable) {
            if (Signatures.verify(algorithm, key.key(), toBeSigned, message.signature(), provider)) {
                return new Signed(key);
            }
        }
        throw new Rejection(ErrorCode.SIGNATURE_INVALID, algorithm.joseName() + " signature does not verify");
    }
}
