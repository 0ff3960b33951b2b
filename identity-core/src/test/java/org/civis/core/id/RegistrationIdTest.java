package org.civis.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "REG-2024_0001.packet", "10001100770000120240415", "_draft", "x.y-z_9"})
    void acceptsLettersDigitsDotUnderscoreAndHyphen(String input) {
        RegistrationId id = new RegistrationId(input);
        assertThat(id.value()).isEqualTo(input);
        assertThat(id).hasToString(input);
        assertThat(RegistrationId.isWellFormed(input)).isTrue();
    }

    @Test
    void acceptsExactlySixtyFourCharacters() {
        assertThat(RegistrationId.isWellFormed("r".repeat(64))).isTrue();
        assertThat(RegistrationId.isWellFormed("r".repeat(65))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".hidden-packet",
                "-rf-packet",
                "packet/../../etc",
                "packet id",
                "packet\nid",
                "pak\u00e9t-0001",
                "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr",
                "   ",
            })
    @NullAndEmptySource
    void rejectsMalformedValuesWithoutEchoingThem(String input) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RegistrationId(input))
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith("registration id ");
                    if (input != null && !input.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(input);
                    }
                });
        assertThat(RegistrationId.isWellFormed(input)).isFalse();
    }
}
