package org.civis.core.uin;

/** The reason a candidate ID number was turned down by {@link NumberFilter}. */
public enum RuleViolation {
    /** Starts with 0 or 1, which get lost or misread when numbers pass through spreadsheets and forms. */
    LEADING_ZERO_OR_ONE,
    /** Contains an ascending or descending run such as 123 or 987. */
    SEQUENCE,
    /** Contains one digit repeated in a row, such as 555. */
    REPEATED_DIGITS,
    /** Contains the same block of digits twice, such as 48...48. */
    REPEATED_BLOCK,
    /** Contains a deny-listed digit string. */
    DENY_LISTED,
    /** The last digit is not the Verhoeff check digit of the rest, or the candidate is not all digits. */
    CHECK_DIGIT,
    /** Does not have the configured number of digits. */
    LENGTH
}
