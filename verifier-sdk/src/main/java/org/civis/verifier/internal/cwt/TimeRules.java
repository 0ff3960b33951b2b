package org.civis.verifier.internal.cwt;

import java.time.Instant;
import java.util.Optional;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.VerificationError;

/**
 * exp, nbf and iat judged at one instant, with no leeway: the caller picks the instant (a device
 * clock or {@code --at}), so a test or an audit can replay a decision exactly.
 */
public final class TimeRules {
    private TimeRules() {}

    /** Why the credential is not valid at {@code at}, or empty when its times allow it. */
    public static Optional<VerificationError> judge(Cwt claims, Instant at) {
        if (claims.expiresAt().isPresent() && !at.isBefore(claims.expiresAt().get())) {
            // RFC 8392/7519: the credential must not be accepted on or after exp.
            return refuse(ErrorCode.EXPIRED, "expired at " + claims.expiresAt().get() + ", judged at " + at);
        }
        if (claims.notBefore().isPresent() && at.isBefore(claims.notBefore().get())) {
            return refuse(
                    ErrorCode.NOT_YET_VALID, "valid from " + claims.notBefore().get() + ", judged at " + at);
        }
        if (claims.issuedAt().isPresent() && at.isBefore(claims.issuedAt().get())) {
            // A credential cannot be valid before it was issued, whatever nbf says.
            return refuse(
                    ErrorCode.ISSUED_IN_FUTURE, "issued at " + claims.issuedAt().get() + ", judged at " + at);
        }
        return Optional.empty();
    }

    private static Optional<VerificationError> refuse(ErrorCode code, String message) {
        return Optional.of(new VerificationError(code, message));
    }
}
