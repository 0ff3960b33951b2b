package org.civis.core.id;

import java.io.Serializable;

/**
 * A Unique Identification Number: the permanent number of one resident, 8 to 32 digits ending in a
 * Verhoeff check digit. An instance is always well formed; whether it was ever issued is the registry's concern.
 *
 * <p>Serializable so that cluster members can pass it to each other as it is: a record is read back through its
 * constructor, so a malformed value from the wire is refused there like any other.
 */
public record Uin(String value) implements IndividualId, Serializable {

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
