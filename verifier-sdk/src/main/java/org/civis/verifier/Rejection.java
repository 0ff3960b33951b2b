package org.civis.verifier;

/**
 * Carries a refusal from deep inside a decoding stage up to {@link Verifier}, which turns it into a
 * {@link VerificationResult}. It never leaves the SDK's public methods: callers see values only.
 * It has no stack trace because it is an expected outcome, not a bug.
 */
public final class Rejection extends Exception {
    private final transient VerificationError error;

    public Rejection(ErrorCode code, String message) {
        super(code + ": " + message, null, false, false);
        this.error = new VerificationError(code, message);
    }

    public VerificationError error() {
        return error;
    }
}
