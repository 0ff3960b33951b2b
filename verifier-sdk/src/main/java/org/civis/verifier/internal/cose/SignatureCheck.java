package org.civis.verifier.internal.cose;

import java.security.Provider;
import java.util.List;
import java.util.Optional;
import org.civis.verifier.internal.Step;
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

    public static Step<Outcome> check(
            CoseMessage.Sign1 message, KeyRing keys, byte[] externalAad, Optional<Provider> provider) {
        Step<CoseAlgorithm> read = message.headers().algorithm();
        if (read.isRefused()) {
            return read.refusal();
        }
        CoseAlgorithm algorithm = read.value();
        if (algorithm == CoseAlgorithm.A128GCM || algorithm == CoseAlgorithm.A256GCM) {
            return Step.refuse(ErrorCode.COSE_ALG_UNSUPPORTED, algorithm.joseName() + " is not a signature algorithm");
        }
        if (message.signature().length == 0) {
            return Step.ok(new Unsigned());
        }
        Step<Optional<Kid>> kid = message.headers().kid();
        if (kid.isRefused()) {
            return kid.refusal();
        }
        List<TrustedKey> candidates = keys.candidates(kid.value());
        if (candidates.isEmpty()) {
            return Step.refuse(
                    ErrorCode.KEY_UNKNOWN,
                    kid.value()
                            .map(k -> "no trusted key has kid " + k.hex())
                            .orElse("no kid and no kid-less trusted key"));
        }
        List<TrustedKey> usable =
                candidates.stream().filter(k -> k.verifies(algorithm)).toList();
        if (usable.isEmpty()) {
            return Step.refuse(
                    ErrorCode.KEY_ALG_MISMATCH, "no trusted key for this kid verifies " + algorithm.joseName());
        }
        byte[] toBeSigned = ToBeSigned.sign1(message.headers().signedProtectedBytes(), externalAad, message.payload());
        for (TrustedKey key : usable) {
            if (Signatures.verify(algorithm, key.key(), toBeSigned, message.signature(), provider)) {
                return Step.ok(new Signed(key));
            }
        }
        return Step.refuse(ErrorCode.SIGNATURE_INVALID, algorithm.joseName() + " signature does not verify");
    }
}
