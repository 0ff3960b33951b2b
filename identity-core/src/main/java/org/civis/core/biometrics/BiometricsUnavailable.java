package org.civis.core.biometrics;

import org.civis.core.refusal.RegistryError;

/**
 * Fingerprint work cannot be done right now: the workers are full, or no node holding the gallery
 * can be reached. Nothing is wrong with the request and nothing was written, so this is a failed
 * future (like an unreachable database), answered 503 with the code to retry by.
 */
public final class BiometricsUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean busy;

    private BiometricsUnavailable(boolean busy, String message) {
        super(message, null, false, false); // a condition to retry, not a bug: no stack trace to fill
        this.busy = busy;
    }

    /** The workers (here or on the node asked) are full. */
    public static BiometricsUnavailable busy() {
        return new BiometricsUnavailable(true, "the fingerprint workers are busy; retry shortly");
    }

    /** No gallery can be searched; {@code message} says where to retry and names no personal data. */
    public static BiometricsUnavailable noGallery(String message) {
        return new BiometricsUnavailable(false, message);
    }

    public boolean isBusy() {
        return busy;
    }

    /** BIOMETRICS_BUSY or BIOMETRICS_UNAVAILABLE. */
    public RegistryError code() {
        return busy ? RegistryError.BIOMETRICS_BUSY : RegistryError.BIOMETRICS_UNAVAILABLE;
    }
}
