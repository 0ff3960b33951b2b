package org.civis.auth.partner;

/** A refused partner change, with its stable code. Messages name no key material. */
public final class PartnerException extends RuntimeException {
    private final PartnerError code;

    public PartnerException(PartnerError code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public PartnerError code() {
        return code;
    }
}
