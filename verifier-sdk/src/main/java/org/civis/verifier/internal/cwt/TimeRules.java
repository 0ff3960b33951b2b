package org.civis.verifier.internal.cwt;

import org.civis.verifier.claims.CwtClaims;
import java.time.Instant;
import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.internal.Rejection;

/**
 * exp, nbf and iat judged at one instant, with no leeway: the caller picks the instant (a device
 * clock or {@code --at}), so a test or an audit can replay a decision exactly.
 */
public final class TimeRules {
    private TimeRules() {}

    public static void judge(CwtClaims claims, Instant at) throws Rejection {
        if (claims.expiresAt().isPresent() && !at.isBefore(claims.expiresAt().get())) {
            // RFC 8392/7519: the credential must not be accepted on or after exp.
            throw new Rejection(
                    ErrorCode.EXPIRED, "expired at " + claims.expiresAt().get() + ", judged at " + at);
        }
        if (claims.notBefore().isPresent() && at.isBefore(claims.notBefore().get())) {
            throw new Rejection(
                    ErrorCode.NOT_YET_VALID, "valid from " + claims.notBefore().get() + ", judged at " + at);
        }
        if (claims.issuedAt().isPresent() && at.isBefore(claims.issuedAt().get())) {
            // A credential cannot be valid before it was issued, whatever nbf says.
            throw new Rejection(
                    ErrorCode.ISSUED_IN_FUTURE, "issued at " + claims.issuedAt().get() + ", judged at " + at);
        }
    }
}
