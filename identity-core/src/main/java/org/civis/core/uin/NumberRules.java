package org.civis.core.uin;

import java.util.Objects;
import java.util.Set;

/**
 * Which ID numbers are acceptable: their length and the patterns that make a number easy to
 * guess, misremember or confuse with another. A limit of 0 switches that rule off.
 *
 * @param length              total digits, check digit included (8..32)
 * @param sequenceLimit       reject an ascending or descending run of this many digits (123, 987);
 *                            runs do not wrap, so 890 is not a run
 * @param repeatLimit         reject one digit repeated this many times in a row (555)
 * @param repeatedBlockLength reject any block of this many digits that occurs twice, overlaps included
 * @param denyList            digit strings the number must not contain anywhere
 */
public record NumberRules(
        int length, int sequenceLimit, int repeatLimit, int repeatedBlockLength, Set<String> denyList) {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 32;
    public static final int DEFAULT_SEQUENCE_LIMIT = 3;
    public static final int DEFAULT_REPEAT_LIMIT = 3;
    public static final int DEFAULT_REPEATED_BLOCK_LENGTH = 2;

    public NumberRules {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be between " + MIN_LENGTH + " and " + MAX_LENGTH);
        }
        // A run or repeat "of 1 digit" is every digit, so a limit of 1 would reject every number.
        requireRunLimit("sequenceLimit", sequenceLimit, length);
        requireRunLimit("repeatLimit", repeatLimit, length);
        // A block as long as the number cannot occur twice, so such a rule would be a silent no-op.
        if (repeatedBlockLength < 0 || repeatedBlockLength >= length) {
            throw new IllegalArgumentException("repeatedBlockLength must be 0 (off) or shorter than length");
        }
        Objects.requireNonNull(denyList, "denyList");
        // Set.copyOf also rejects null entries and makes the record truly immutable.
        denyList = Set.copyOf(denyList);
        for (String entry : denyList) {
            if (entry.isEmpty() || entry.length() > length || !entry.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("denyList entries must be 1..length digits");
            }
        }
    }

    /** The default rules at the given length, with an empty deny list. */
    public static NumberRules defaults(int length) {
        return new NumberRules(
                length, DEFAULT_SEQUENCE_LIMIT, DEFAULT_REPEAT_LIMIT, DEFAULT_REPEATED_BLOCK_LENGTH, Set.of());
    }

    /** Default rules for UINs: 10 digits. */
    public static NumberRules uinDefaults() {
        return defaults(10);
    }

    /** Default rules for VIDs: 16 digits. */
    public static NumberRules vidDefaults() {
        return defaults(16);
    }

    private static void requireRunLimit(String name, int limit, int length) {
        if (limit != 0 && (limit < 2 || limit > length)) {
            throw new IllegalArgumentException(name + " must be 0 (off) or between 2 and length");
        }
    }
}
