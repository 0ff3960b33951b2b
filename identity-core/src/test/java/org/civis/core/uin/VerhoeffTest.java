package org.civis.core.uin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VerhoeffTest {

    /** Completed numbers (payload plus check digit) used for the error-detection guarantees. */
    private static final List<String> VALID_NUMBERS =
            List.of("2363", "123451", "1428570", "1234567890120", "84736430954837284567892");

    @ParameterizedTest(name = "check digit of {0} is {1}")
    @CsvSource({
        "236, 3",
        "12345, 1",
        "142857, 0",
        "123456789012, 0",
        "8473643095483728456789, 2",
    })
    void checkDigitMatchesPublishedVectors(String payload, int expectedCheckDigit) {
        assertThat(Verhoeff.checkDigit(payload)).isEqualTo(expectedCheckDigit);
    }

    @Test
    void completedNumbersAreValid() {
        assertThat(VALID_NUMBERS)
                .allSatisfy(number -> assertThat(Verhoeff.isValid(number)).isTrue());
    }

    @Test
    void everySingleDigitSubstitutionIsDetected() {
        for (String number : VALID_NUMBERS) {
            for (int position = 0; position < number.length(); position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit == number.charAt(position)) {
                        continue;
                    }
                    String corrupted = replaceAt(number, position, digit);
                    assertThat(Verhoeff.isValid(corrupted)).as(corrupted).isFalse();
                }
            }
        }
    }

    @Test
    void everyAdjacentTranspositionOfDistinctDigitsIsDetected() {
        int transpositionsTried = 0;
        for (String number : VALID_NUMBERS) {
            for (int position = 0; position + 1 < number.length(); position++) {
                char left = number.charAt(position);
                char right = number.charAt(position + 1);
                if (left == right) {
                    continue;
                }
                String swapped = replaceAt(replaceAt(number, position, right), position + 1, left);
                assertThat(Verhoeff.isValid(swapped)).as(swapped).isFalse();
                transpositionsTried++;
            }
        }
        assertThat(transpositionsTried).isGreaterThan(30);
    }

    @Test
    void checkDigitCompletesAnyPayloadToAValidNumber() {
        String payload = "9081726354";
        assertThat(Verhoeff.isValid(payload + Verhoeff.checkDigit(payload))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12a4", "-123", "12 34", "\u0661\u0662\u0663"})
    void checkDigitRejectsNonDigits(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> Verhoeff.checkDigit(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "236a", "23 63", "+2363", "\u0662\u0663\u0666\u0663"})
    void isValidIsFalseForNonDigitsAndEmpty(String input) {
        assertThat(Verhoeff.isValid(input)).isFalse();
    }

    @Test
    void isValidIsFalseForNull() {
        assertThat(Verhoeff.isValid(null)).isFalse();
    }

    private static String replaceAt(String text, int position, char replacement) {
        return text.substring(0, position) + replacement + text.substring(position + 1);
    }
}
