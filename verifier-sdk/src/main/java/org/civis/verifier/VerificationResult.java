package org.civis.verifier;

import java.util.Objects;
import java.util.Optional;
import org.civis.verifier.claims.Claim169;
import org.civis.verifier.claims.CwtClaims;
import org.civis.verifier.spec.CoseAlgorithm;
import org.civis.verifier.status.CredentialStatus;
import org.civis.verifier.trust.Kid;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.Verdict;
import org.civis.verifier.verdict.VerificationError;

/**
 * The outcome of verifying one credential. The verdict follows from the error ({@link
 * Verdict#VALID} exactly when there is none). Claims are present only when the signature verified
 * (or the caller allowed unsigned credentials): unverified data is never handed out as claims.
 *
 * @param algorithm the COSE algorithm, when the headers could be read
 * @param kid the message's kid, when it has one
 * @param cwt the CWT claims: registered claims, status reference, and every claim as JSON values
 * @param claims the typed Claim 169 data
 * @param status the status-list answer; {@code UNKNOWN} does not change the verdict
 */
public record VerificationResult(
        Verdict verdict,
        Optional<VerificationError> error,
        Optional<CoseAlgorithm> algorithm,
        Optional<Kid> kid,
        Optional<CwtClaims> cwt,
        Optional<Claim169> claims,
        CredentialStatus status) {
    public VerificationResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(cwt, "cwt");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(status, "status");
        Verdict expected = error.map(e -> e.code().verdict()).orElse(Verdict.VALID);
        if (verdict != expected) {
            throw new IllegalArgumentException("verdict " + verdict + " does not follow from " + error);
        }
    }

    /** A credential refused before anything in it could be read (no QR found, bad Base45, ...). */
    public static VerificationResult rejected(ErrorCode code, String message) {
        return new VerificationResult(
                code.verdict(),
                Optional.of(new VerificationError(code, message)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                CredentialStatus.NOT_REFERENCED);
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
