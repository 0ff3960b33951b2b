package org.civis.auth.jose;

import java.util.Objects;

/**
 * An encrypted factor could not be opened. {@link #reason()} is a stable code for the API response; the message
 * never contains plaintext, and no cause is kept whose message could.
 */
public final class FactorDecryptionException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why decryption was refused. */
    public enum Reason {
        /** Not a compact JWE, unreadable header, or plaintext that is not a JSON object. */
        MALFORMED,
        /** Anything but alg ECDH-ES with enc A256GCM, or a crit or zip header. */
        ALGORITHM_NOT_ALLOWED,
        /** Encrypted to another key, or altered in transit. */
        DECRYPTION_FAILED
    }

    private final Reason reason;

    FactorDecryptionException(Reason reason, String message, Throwable cause) {
        // No stack trace: refusals are expected traffic from bad or hostile clients, and the reason says it all.
        super(message, cause, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
