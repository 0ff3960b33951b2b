package org.civis.auth.demo;

/**
 * How the name field is compared. Only the name is ever compared loosely: a date of birth or a phone
 * number that is "almost right" is a wrong one, whereas names are routinely transliterated and misspelt.
 */
public enum MatchStrategy {
    /** Normalized equality; the default, and always allowed. */
    EXACT,
    /** Token-set Jaro-Winkler similarity, for typing mistakes and reordered name parts. */
    PARTIAL,
    /** Beider-Morse phonetic codes, for different spellings of the same spoken name. */
    PHONETIC
}
