package org.civis.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.civis.core.uin.Verhoeff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class VidTest {

    private static String complete(String body) {
        return body + Verhoeff.checkDigit(body);
    }

    private static final String VALID = complete("274950386271849");

    @Test
    void acceptsAWellFormedVid() {
        Vid vid = new Vid(VALID);
        assertThat(vid.value()).isEqualTo(VALID).hasSize(16);
        // toString masks all but the last four digits, so a VID concatenated into a log line does not leak.
        assertThat(vid.toString())
                .startsWith("VID[")
                .endsWith(VALID.substring(VALID.length() - 4) + "]")
                .doesNotContain(VALID.substring(0, VALID.length() - 4));
        assertThat(Vid.isWellFormed(VALID)).isTrue();
    }

    @Test
    void acceptsTwelveToThirtyTwoDigits() {
        assertThat(Vid.isWellFormed(complete("27495038627"))).isTrue();
        assertThat(Vid.isWellFormed(complete("2749503862749503862749503862749")))
                .isTrue();
    }

    @Test
    void rejectsElevenDigitsThatWouldBeAValidUin() {
        String elevenDigits = complete("2749503862");
        assertThat(Uin.isWellFormed(elevenDigits)).isTrue();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Vid(elevenDigits))
                .withMessage("VID length out of range");
    }

    static Stream<String> malformed() {
        String wrongCheckDigit = VALID.substring(0, 15) + (VALID.charAt(15) == '0' ? '1' : '0');
        return Stream.of(
                wrongCheckDigit,
                "27495038627184A9",
                complete("27495038627495038627495038627495"), // 33 digits
                "  ");
    }

    @ParameterizedTest
    @MethodSource("malformed")
    @NullAndEmptySource
    void rejectsMalformedValuesWithoutEchoingThem(String input) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Vid(input)).satisfies(e -> {
            assertThat(e.getMessage()).startsWith("VID ");
            if (input != null && !input.isBlank()) {
                assertThat(e.getMessage()).doesNotContain(input);
            }
        });
        assertThat(Vid.isWellFormed(input)).isFalse();
    }

    @Test
    void reportsAChecksumFailureAsSuch() {
        String wrongCheckDigit = VALID.substring(0, 15) + (VALID.charAt(15) == '0' ? '1' : '0');
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Vid(wrongCheckDigit))
                .withMessage("VID checksum invalid");
    }
}
