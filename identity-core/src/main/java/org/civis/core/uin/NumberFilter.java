package org.civis.core.uin;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a candidate ID number, check digit included, satisfies a set of {@link NumberRules}.
 * Like MOSIP, the rules look at the whole number including the check digit, since that is what people
 * read, type and remember.
 */
public final class NumberFilter {

    private final NumberRules rules;

    public NumberFilter(NumberRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Returns the first rule the candidate breaks, or empty if it is acceptable. Length and check digit
     * are checked first so that the pattern rules only ever see well-formed numbers.
     */
    public Optional<RuleViolation> check(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        if (candidate.length() != rules.length()) {
            return Optional.of(RuleViolation.LENGTH);
        }
        if (!Verhoeff.isValid(candidate)) {
            return Optional.of(RuleViolation.CHECK_DIGIT);
        }
        if (candidate.charAt(0) == '0' || candidate.charAt(0) == '1') {
            return Optional.of(RuleViolation.LEADING_ZERO_OR_ONE);
        }
        if (hasSequence(candidate, rules.sequenceLimit())) {
            return Optional.of(RuleViolation.SEQUENCE);
        }
        if (hasRepeatedDigits(candidate, rules.repeatLimit())) {
            return Optional.of(RuleViolation.REPEATED_DIGITS);
        }
        if (hasRepeatedBlock(candidate, rules.repeatedBlockLength())) {
            return Optional.of(RuleViolation.REPEATED_BLOCK);
        }
        if (rules.denyList().stream().anyMatch(candidate::contains)) {
            return Optional.of(RuleViolation.DENY_LISTED);
        }
        return Optional.empty();
    }

    /** Shorthand for {@code check(candidate).isEmpty()}. */
    public boolean accepts(String candidate) {
        return check(candidate).isEmpty();
    }

    private static boolean hasSequence(String number, int limit) {
        if (limit == 0) {
            return false;
        }
        int ascending = 1;
        int descending = 1;
        for (int i = 1; i < number.length(); i++) {
            // Plain arithmetic on the digit values, so 9 -> 0 never counts as a step (no wrap-around).
            int step = number.charAt(i) - number.charAt(i - 1);
            ascending = step == 1 ? ascending + 1 : 1;
            descending = step == -1 ? descending + 1 : 1;
            if (ascending >= limit || descending >= limit) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRepeatedDigits(String number, int limit) {
        if (limit == 0) {
            return false;
        }
        int run = 1;
        for (int i = 1; i < number.length(); i++) {
            run = number.charAt(i) == number.charAt(i - 1) ? run + 1 : 1;
            if (run >= limit) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRepeatedBlock(String number, int blockLength) {
        if (blockLength == 0) {
            return false;
        }
        // Every start position is visited, so overlapping occurrences (5555 holds 55 three times) count.
        Set<String> seen = new HashSet<>();
        for (int start = 0; start + blockLength <= number.length(); start++) {
            if (!seen.add(number.substring(start, start + blockLength))) {
                return true;
            }
        }
        return false;
    }
}
