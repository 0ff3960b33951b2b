package org.civis.core.id;

/**
 * A Unique Identification Number: the permanent number of one resident, 8 to 32 digits ending in a
 * Verhoeff check digit. An instance is always well formed; whether it was ever issued is the registry's concern.
 */
public record Uin(String value) implements IndividualId {

    private static final CheckedDigitFormat FORMAT = new CheckedDigitFormat("UIN", 8, 32);

    /** @throws IllegalArgumentException if the value is not a well-formed UIN; the message never repeats the value */
    public Uin {
        FORMAT.requireWellFormed(value);
    }

    /** Whether {@code value} would be accepted by the constructor; handy for validating input without exceptions. */
    public static boolean isWellFormed(String value) {
        return FORMAT.problem(value).isEmpty();
    }

    /** Masked, so that a UIN concatenated into a log line does not leak; use {@link #value()} for the number. */
    @Override
    public String toString() {
        return FORMAT.masked(value);
    }
}
