package org.civis.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.civis.core.uin.Verhoeff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UinTest {

    // 274950386 completed with its Verhoeff digit 5.
    private static final String VALID = "2749503865";

    static String complete(String body) {
        return body + Verhoeff.checkDigit(body);
    }

    @Test
    void acceptsAWellFormedUin() {
        Uin uin = new Uin(VALID);
        assertThat(uin.value()).isEqualTo(VALID);
        // toString masks all but the last four digits, so a UIN concatenated into a log line does not leak.
        assertThat(uin.toString())
                .startsWith("UIN[")
                .endsWith(VALID.substring(VALID.length() - 4) + "]")
                .doesNotContain(VALID.substring(0, VALID.length() - 4));
        assertThat(Uin.isWellFormed(VALID)).isTrue();
    }

    @Test
    void acceptsTheShortestAndLongestLengths() {
        String eightDigits = complete("2749503");
        String thirtyTwoDigits = complete("2749503862749503862749503862749");
        assertThat(new Uin(eightDigits).value()).hasSize(8);
        assertThat(new Uin(thirtyTwoDigits).value()).hasSize(32);
    }

    static Stream<String> malformed() {
        return Stream.of(
                "2749503866", // wrong check digit
                "2749503685", // adjacent digits swapped
                "27495O3865", // letter O instead of zero
                "2749 503865", // space inside
                complete("274950"), // 7 digits, correct check digit
                complete("27495038627495038627495038627495"), // 33 digits, correct check digit
                "   ");
    }

    @ParameterizedTest
    @MethodSource("malformed")
    @NullAndEmptySource
    void rejectsMalformedValuesWithoutEchoingThem(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Uin(input)).satisfies(e -> {
            assertThat(e.getMessage()).startsWith("UIN ");
            if (input != null && !input.isBlank()) {
                assertThat(e.getMessage()).doesNotContain(input);
            }
        });
        assertThat(Uin.isWellFormed(input)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2749503866", "2749503685"})
    void reportsAChecksumFailureAsSuch(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Uin(input)).withMessage("UIN checksum invalid");
    }

    @Test
    void reportsLettersAndWrongLengthDistinctly() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Uin("27495O3865"))
                .withMessage("UIN must contain digits only");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Uin(complete("274950")))
                .withMessage("UIN length out of range");
        assertThatIllegalArgumentException().isThrownBy(() -> new Uin(" ")).withMessage("UIN must not be blank");
    }

    @Test
    void equalValuesAreEqualUins() {
        assertThat(new Uin(VALID)).isEqualTo(new Uin(VALID));
    }
}
