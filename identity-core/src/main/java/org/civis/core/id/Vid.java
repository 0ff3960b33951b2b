package org.civis.core.id;

/**
 * A Virtual ID: a revocable stand-in for a UIN that a resident can share instead of the UIN itself,
 * 12 to 32 digits ending in a Verhoeff check digit.
 */
public record Vid(String value) implements IndividualId {

    private static final CheckedDigitFormat FORMAT = new CheckedDigitFormat("VID", 12, 32);

    /** @throws IllegalArgumentException if the value is not a well-formed VID; the message never repeats the value */
    public Vid {
        FORMAT.requireWellFormed(value);
    }

    /** Whether {@code value} would be accepted by the constructor; handy for validating input without exceptions. */
    public static boolean isWellFormed(String value) {
        return FORMAT.problem(value).isEmpty();
    }

    /** Masked, so that a VID concatenated into a log line does not leak; use {@link #value()} for the number. */
    @Override
    public String toString() {
        return FORMAT.masked(value);
    }
}
