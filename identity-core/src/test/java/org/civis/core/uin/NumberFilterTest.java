package org.civis.core.uin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NumberFilterTest {

    private static final NumberFilter DEFAULTS = new NumberFilter(NumberRules.uinDefaults());

    /** Rules with every pattern rule off, so a test can switch on exactly the rule it is about. */
    private static final NumberRules ALL_OFF = new NumberRules(10, 0, 0, 0, Set.of());

    /** Appends the Verhoeff digit, so examples only fail the rule under test. */
    private static String complete(String body) {
        return body + Verhoeff.checkDigit(body);
    }

    private static NumberFilter only(int sequenceLimit, int repeatLimit, int blockLength, Set<String> denyList) {
        return new NumberFilter(new NumberRules(10, sequenceLimit, repeatLimit, blockLength, denyList));
    }

    @Test
    void acceptsAnUnremarkableNumberUnderDefaultRules() {
        assertThat(DEFAULTS.check(complete("274950386"))).isEmpty();
        assertThat(DEFAULTS.accepts(complete("274950386"))).isTrue();
    }

    @Nested
    class Length {
        @Test
        void rejectsTooShortAndTooLong() {
            assertThat(DEFAULTS.check(complete("27495038"))).contains(RuleViolation.LENGTH);
            assertThat(DEFAULTS.check(complete("2749503864"))).contains(RuleViolation.LENGTH);
        }
    }

    @Nested
    class CheckDigit {
        @Test
        void rejectsAWrongCheckDigit() {
            String valid = complete("274950386");
            char wrong = valid.charAt(9) == '0' ? '1' : '0';
            assertThat(DEFAULTS.check(valid.substring(0, 9) + wrong)).contains(RuleViolation.CHECK_DIGIT);
        }

        @Test
        void rejectsNonDigitsAsCheckDigitFailure() {
            assertThat(DEFAULTS.check("27495038a5")).contains(RuleViolation.CHECK_DIGIT);
        }
    }

    @Nested
    class LeadingDigit {
        @Test
        void rejectsLeadingZeroAndOne() {
            assertThat(DEFAULTS.check(complete("074950386"))).contains(RuleViolation.LEADING_ZERO_OR_ONE);
            assertThat(DEFAULTS.check(complete("174950386"))).contains(RuleViolation.LEADING_ZERO_OR_ONE);
        }

        @Test
        void appliesEvenWhenEveryOtherRuleIsOff() {
            assertThat(new NumberFilter(ALL_OFF).check(complete("074950386")))
                    .contains(RuleViolation.LEADING_ZERO_OR_ONE);
            assertThat(new NumberFilter(ALL_OFF).check(complete("974950386"))).isEmpty();
        }
    }

    @Nested
    class Sequence {
        private final NumberFilter sequenceOnly = only(3, 0, 0, Set.of());

        @Test
        void rejectsAscendingRun() {
            assertThat(sequenceOnly.check(complete("281234957"))).contains(RuleViolation.SEQUENCE);
            assertThat(DEFAULTS.check(complete("274123086"))).contains(RuleViolation.SEQUENCE);
        }

        @Test
        void rejectsDescendingRun() {
            assertThat(sequenceOnly.check(complete("240987205"))).contains(RuleViolation.SEQUENCE);
        }

        @Test
        void acceptsRunsShorterThanTheLimit() {
            assertThat(sequenceOnly.check(complete("212549830"))).isEmpty();
        }

        @Test
        void doesNotWrapFromNineToZero() {
            // 8-9-0 and 1-0-9 would be runs if digits wrapped around.
            assertThat(sequenceOnly.check(complete("289024109"))).isEmpty();
        }

        @Test
        void limitZeroDisables() {
            assertThat(new NumberFilter(ALL_OFF).check(complete("234567890"))).isEmpty();
        }
    }

    @Nested
    class RepeatedDigits {
        private final NumberFilter repeatOnly = only(0, 3, 0, Set.of());

        @Test
        void rejectsThreeInARow() {
            assertThat(repeatOnly.check(complete("275554938"))).contains(RuleViolation.REPEATED_DIGITS);
            assertThat(DEFAULTS.check(complete("279000364"))).contains(RuleViolation.REPEATED_DIGITS);
        }

        @Test
        void acceptsAPair() {
            assertThat(repeatOnly.check(complete("275549381"))).isEmpty();
        }

        @Test
        void limitZeroDisables() {
            assertThat(new NumberFilter(ALL_OFF).check(complete("255555555"))).isEmpty();
        }
    }

    @Nested
    class RepeatedBlock {
        private final NumberFilter blockOnly = only(0, 0, 2, Set.of());

        @Test
        void rejectsABlockThatOccursTwiceApart() {
            assertThat(blockOnly.check(complete("248394807"))).contains(RuleViolation.REPEATED_BLOCK);
            assertThat(DEFAULTS.check(complete("273527049"))).contains(RuleViolation.REPEATED_BLOCK);
        }

        @Test
        void countsOverlappingOccurrences() {
            // "555" holds "55" at two overlapping positions.
            assertThat(blockOnly.check(complete("295538406"))).isEmpty();
            assertThat(blockOnly.check(complete("295553840"))).contains(RuleViolation.REPEATED_BLOCK);
        }

        @Test
        void acceptsWhenEveryBlockIsDistinct() {
            assertThat(blockOnly.check(complete("273958406"))).isEmpty();
        }

        @Test
        void longerBlockLengthOnlyRejectsLongerRepeats() {
            NumberFilter threeDigitBlocks = only(0, 0, 3, Set.of());
            assertThat(threeDigitBlocks.check(complete("248394807"))).isEmpty();
            assertThat(threeDigitBlocks.check(complete("248362486"))).contains(RuleViolation.REPEATED_BLOCK);
        }

        @Test
        void limitZeroDisables() {
            assertThat(new NumberFilter(ALL_OFF).check(complete("248248248"))).isEmpty();
        }
    }

    @Nested
    class DenyList {
        private final NumberFilter deny911 = only(0, 0, 0, Set.of("911"));

        @Test
        void rejectsANumberContainingADeniedString() {
            assertThat(deny911.check(complete("279114835"))).contains(RuleViolation.DENY_LISTED);
        }

        @Test
        void acceptsANumberWithoutIt() {
            assertThat(deny911.check(complete("291835476"))).isEmpty();
        }

        @Test
        void includesTheCheckDigit() {
            // The body 200000291 is clean; only its check digit 1 completes "911".
            assertThat(Verhoeff.checkDigit("200000291")).isEqualTo(1);
            assertThat(deny911.check("2000002911")).contains(RuleViolation.DENY_LISTED);
        }

        @Test
        void emptyDenyListDisables() {
            assertThat(new NumberFilter(ALL_OFF).check(complete("279114835"))).isEmpty();
        }
    }
}
