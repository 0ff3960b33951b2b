package org.civis.core.crypto;

/** A wrapped data key could not be recovered: wrong master key or tampered bytes. Never carries key material. */
public final class KeyUnwrapException extends RuntimeException {

    public KeyUnwrapException(String message, Throwable cause) {
        super(message, cause);
    }

    public KeyUnwrapException(String message) {
        super(message);
    }
}
