package org.civis.core.biometrics;

import com.machinezoo.sourceafis.FingerprintTemplate;
import org.civis.core.schema.FingerPosition;

/** A finger in the form SourceAFIS compares: built once, compared many times. Immutable. */
public record PreparedFingerprint(FingerPosition position, FingerprintTemplate template) {

    /** Whether two fingers should be compared: same position, or either position unknown. */
    boolean comparableWith(PreparedFingerprint other) {
        return comparable(position, other.position);
    }

    static boolean comparable(FingerPosition a, FingerPosition b) {
        return a == b || a == FingerPosition.UNKNOWN || b == FingerPosition.UNKNOWN;
    }
}
