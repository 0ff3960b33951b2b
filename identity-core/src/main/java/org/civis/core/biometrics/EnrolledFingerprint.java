package org.civis.core.biometrics;

import java.util.Arrays;
import java.util.Objects;
import org.civis.core.schema.FingerPosition;

/**
 * A finger as stored: its position and its minutiae as an ISO/IEC 19794-2:2005 record. The
 * standard form rather than SourceAFIS's own serialization, so the stored templates outlive a
 * matcher upgrade or a change of matcher.
 */
public record EnrolledFingerprint(FingerPosition position, byte[] isoTemplate) {

    public EnrolledFingerprint {
        Objects.requireNonNull(position, "position");
        isoTemplate = isoTemplate.clone();
    }

    @Override
    public byte[] isoTemplate() {
        return isoTemplate.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnrolledFingerprint that
                && position == that.position
                && Arrays.equals(isoTemplate, that.isoTemplate);
    }

    @Override
    public int hashCode() {
        return 31 * position.hashCode() + Arrays.hashCode(isoTemplate);
    }

    @Override
    public String toString() {
        return "EnrolledFingerprint[" + position + ", " + isoTemplate.length + " bytes]";
    }
}
