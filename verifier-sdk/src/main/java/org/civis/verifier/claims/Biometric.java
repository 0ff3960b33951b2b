package org.civis.verifier.claims;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One biometric entry (fields 50-65): the data and its format codes ({@code BIOMETRIC_*} and
 * {@code IMAGE_*}/{@code TEMPLATE_*} in {@link org.civis.verifier.spec.Claim169Codes}).
 */
public record Biometric(byte[] data, Optional<Long> format, Optional<Long> subFormat, Optional<String> issuer) {
    public Biometric {
        data = data.clone();
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(subFormat, "subFormat");
        Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Biometric b
                && Arrays.equals(data, b.data)
                && format.equals(b.format)
                && subFormat.equals(b.subFormat)
                && issuer.equals(b.issuer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), format, subFormat, issuer);
    }

    @Override
    public String toString() {
        return "Biometric[" + data.length + " bytes, format=" + format + ", subFormat=" + subFormat + "]";
    }
}
