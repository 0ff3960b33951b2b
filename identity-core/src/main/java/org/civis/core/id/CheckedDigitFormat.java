package org.civis.core.id;

import java.util.Optional;
import org.civis.core.uin.Verhoeff;

/**
 * The shared shape of UINs and VIDs: ASCII digits of a bounded length ending in a Verhoeff check digit.
 * Problems are described without the value itself, because the value identifies a person and
 * exception messages end up in logs.
 */
final class CheckedDigitFormat {

    private final String kind;
    private final int minLength;
    private final int maxLength;

    CheckedDigitFormat(String kind, int minLength, int maxLength) {
        this.kind = kind;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** What is wrong with {@code value}, or empty if it is well formed. */
    Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(kind + " must not be blank");
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(kind + " must contain digits only");
        }
        if (value.length() < minLength || value.length() > maxLength) {
            return Optional.of(kind + " length out of range");
        }
        if (!Verhoeff.isValid(value)) {
            return Optional.of(kind + " checksum invalid");
        }
        return Optional.empty();
    }

    void requireWellFormed(String value) {
        problem(value).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    /** All but the last four digits hidden: enough for an operator to tell records apart in a log. */
    String masked(String value) {
        int shown = Math.min(4, value.length());
        return kind + "[" + "*".repeat(value.length() - shown) + value.substring(value.length() - shown) + "]";
    }
}
