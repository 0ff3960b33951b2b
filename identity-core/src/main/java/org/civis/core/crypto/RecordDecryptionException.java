package org.civis.core.crypto;

/**
 * A sealed record could not be opened: it was altered, moved to another row (wrong associated data), or
 * sealed under a different master key. Never carries plaintext or key material.
 */
public final class RecordDecryptionException extends RuntimeException {

    public RecordDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }

    public RecordDecryptionException(String message) {
        super(message);
    }
}
