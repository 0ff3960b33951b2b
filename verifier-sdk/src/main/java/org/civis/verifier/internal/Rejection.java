package org.civis.verifier.internal;

import org.civis.verifier.verdict.ErrorCode;
import org.civis.verifier.verdict.VerificationError;

/**
 * Unwinds a refusal from deep inside a parser (CBOR, COSE, CWT, Claim 169) up to the stage that
 * called it. Internal only: every public method of the SDK catches it and answers with a value, so
 * callers never see it. It has no stack trace because it is an expected outcome, not a bug.
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
