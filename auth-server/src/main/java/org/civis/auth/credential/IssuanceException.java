package org.civis.auth.credential;

/** A refused issuance, carrying its stable code. The message never holds personal data. */
public final class IssuanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final IssuanceError code;

    public IssuanceException(IssuanceError code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public IssuanceError code() {
        return code;
    }
}
