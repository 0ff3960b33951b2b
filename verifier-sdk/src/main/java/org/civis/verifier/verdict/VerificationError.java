package org.civis.verifier.verdict;

import java.util.Objects;

/**
 * Why a credential is not valid: a stable code, the stage it belongs to, and a message for people.
 * Messages name structure and numbers only, never the holder's data.
 */
public record VerificationError(ErrorCode code, String message) {
    public VerificationError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Stage stage() {
        return code.stage();
    }
}
