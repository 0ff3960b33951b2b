package org.civis.verifier.files;

/** A trust or key file that cannot be read at all: the operator's mistake, reported before any verification. */
public final class KeyFileException extends Exception {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
