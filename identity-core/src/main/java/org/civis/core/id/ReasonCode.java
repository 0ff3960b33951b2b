package org.civis.core.id;

/**
 * Why an operator acted (for example {@code DECEASED}, {@code FRAUD_SUSPECTED}): an upper-case code,
 * never free text, because it is stored in the audit log where personal data must not go.
 */
public record ReasonCode(String value) {
    private static final String PATTERN = "[A-Z][A-Z0-9_]{0,63}";

    /** @throws IllegalArgumentException unless 1..64 of A-Z, 0-9 and _, starting with a letter */
    public ReasonCode {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("reason code must be 1..64 of A-Z, 0-9 and _, starting with a letter");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches(PATTERN);
    }

    @Override
    public String toString() {
        return value;
    }
}
