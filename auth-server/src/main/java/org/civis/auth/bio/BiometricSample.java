package org.civis.auth.bio;

import java.util.Objects;

/**
 * One face or iris sample as a request presents it: the sender's format name (such as {@code jpeg}
 * or {@code iso19794-6}) and the bytes. Matching them is the plugged-in matcher's job.
 */
public record BiometricSample(String format, byte[] data) {
    public BiometricSample {
        Objects.requireNonNull(format, "format");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "BiometricSample[" + format + ", " + data.length + " bytes]";
    }
}
