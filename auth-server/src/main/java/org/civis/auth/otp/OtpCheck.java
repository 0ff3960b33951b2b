package org.civis.auth.otp;

import java.util.Optional;
import org.civis.auth.refusal.AuthError;

/** The outcome of checking a presented one-time password. */
public enum OtpCheck {
    VALID,
    /** Wrong code; attempts remain. */
    OTP_INVALID,
    OTP_EXPIRED,
    /** Attempts exhausted (the code is void even if right), until a new one is requested. */
    OTP_LOCKED,
    /** No code was requested for this identity by this requester (or it was already used). */
    OTP_NOT_REQUESTED;

    /** The error an answer reports for this outcome; none for a valid code. */
    public Optional<AuthError> refusal() {
        return switch (this) {
            case VALID -> Optional.empty();
            case OTP_INVALID -> Optional.of(AuthError.OTP_INVALID);
            case OTP_EXPIRED -> Optional.of(AuthError.OTP_EXPIRED);
            case OTP_LOCKED -> Optional.of(AuthError.OTP_LOCKED);
            case OTP_NOT_REQUESTED -> Optional.of(AuthError.OTP_NOT_REQUESTED);
        };
    }
}
