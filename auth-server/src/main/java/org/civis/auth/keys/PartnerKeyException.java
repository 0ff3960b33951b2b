package org.civis.auth.keys;

import java.util.Objects;

/**
 * A partner's JWK was refused. {@link #reason()} is a stable code for the API response; the message never repeats
 * the submitted JSON, which could hold a private key the partner pasted by mistake.
 */
public final class PartnerKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the key was refused. */
    public enum Reason {
        /** Not a JSON object, or not a parseable JWK of its declared type. */
        KEY_MALFORMED,
        /** Key type or curve not accepted for this purpose. */
        KEY_TYPE_NOT_ALLOWED,
        /** An RSA modulus under 2048 bits. */
        KEY_TOO_SMALL,
        /** The JWK carries private or symmetric key material; the partner must send the public key only. */
        KEY_HAS_PRIVATE_PART,
        /** The JWK declares a {@code use} other than the one it is registered for. */
        KEY_USE_NOT_ALLOWED
    }

    private final Reason reason;

    PartnerKeyException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
