package org.civis.core.schema;

import java.util.Optional;

/**
 * Which finger a fingerprint was captured from, with the finger position code that ISO/IEC 19794-2
 * templates use for it, so that templates built later can carry the position without a lookup table.
 */
public enum FingerPosition {
    UNKNOWN(0),
    RIGHT_THUMB(1),
    RIGHT_INDEX(2),
    RIGHT_MIDDLE(3),
    RIGHT_RING(4),
    RIGHT_LITTLE(5),
    LEFT_THUMB(6),
    LEFT_INDEX(7),
    LEFT_MIDDLE(8),
    LEFT_RING(9),
    LEFT_LITTLE(10);

    private final int isoCode;

    FingerPosition(int isoCode) {
        this.isoCode = isoCode;
    }

    /** The ISO/IEC 19794-2 finger position code: 1..10 for the fingers, 0 when unknown. */
    public int isoCode() {
        return isoCode;
    }

    /** The position with exactly that name (as sent on the wire), or empty when there is none. */
    public static Optional<FingerPosition> fromName(String name) {
        for (FingerPosition position : values()) {
            if (position.name().equals(name)) {
                return Optional.of(position);
            }
        }
        return Optional.empty();
    }
}
