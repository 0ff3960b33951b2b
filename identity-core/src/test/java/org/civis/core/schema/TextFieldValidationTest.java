package org.civis.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.civis.core.schema.SampleIdentities.minimalIdentity;
import static org.civis.core.schema.SampleIdentities.validate;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFieldValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u00A0", "\u2003\u3000"})
    void blankTextIsEmpty(String blank) {
        assertThat(validate(minimalIdentity().put("nationality", blank)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/nationality", ViolationCode.FIELD_EMPTY));
    }

    @Test
    void lengthIsCountedInCodePointsNotUtf16Units() {
        // Each of these emoji is one code point but two UTF-16 chars: three of them fit maxLength 3.
        assertThat(validate(minimalIdentity().put("nationality", "😀😀😀"))).isEmpty();
        assertThat(validate(minimalIdentity().put("nationality", "😀😀😀😀")))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/nationality", ViolationCode.FIELD_TOO_LONG));
    }

    @Test
    void allowedValuesMustMatchExactly() {
        assertThat(validate(minimalIdentity().put("gender", "other"))).isEmpty();
        assertThat(validate(minimalIdentity().put("gender", "MALE")))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/gender", ViolationCode.FIELD_VALUE_NOT_ALLOWED));
        assertThat(validate(minimalIdentity().put("gender", "male ")))
                .extracting(Violation::code)
                .containsExactly(ViolationCode.FIELD_VALUE_NOT_ALLOWED);
    }

    @Test
    void notAllowedMessageListsTheSchemasValues() {
        assertThat(validate(minimalIdentity().put("gender", "m")))
                .extracting(Violation::message)
                .containsExactly("must be one of [male, female, other]");
    }

    @Test
    void multilingualTextInSeveralConfiguredLanguagesIsAccepted() {
        JsonObject name = new JsonObject()
                .put("eng", "Priya Sharma")
                .put("hin", "प्रिया शर्मा")
                .put("ara", "بريا شارما");

        assertThat(validate(minimalIdentity().put("fullName", name))).isEmpty();
    }

    @Test
    void multilingualTextWithoutAnyLanguageIsEmpty() {
        assertThat(validate(minimalIdentity().put("fullName", new JsonObject())))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fullName", ViolationCode.FIELD_EMPTY));
    }

    @Test
    void unconfiguredLanguagesAreReportedOnceAtTheFieldWithoutRepeatingTheirCodes() {
        JsonObject name =
                new JsonObject().put("eng", "Amina").put("en", "Amina").put("deu", "Amina");

        assertThat(validate(minimalIdentity().put("fullName", name)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fullName", ViolationCode.LANGUAGE_NOT_ALLOWED));
    }

    @Test
    void eachTranslationIsCheckedForBlanknessAndLength() {
        JsonObject name = new JsonObject()
                .put("eng", "a".repeat(200))
                .put("fra", "a".repeat(201))
                .put("ara", " ");

        assertThat(validate(minimalIdentity().put("fullName", name)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(
                        tuple("/identity/fullName/fra", ViolationCode.FIELD_TOO_LONG),
                        tuple("/identity/fullName/ara", ViolationCode.FIELD_EMPTY));
    }

    @Test
    void aTranslationInAnUnconfiguredLanguageIsRefusedForItsLanguageAlone() {
        JsonObject name = new JsonObject().put("eng", "Amina").put("deu", "");

        assertThat(validate(minimalIdentity().put("fullName", name)))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("/identity/fullName", ViolationCode.LANGUAGE_NOT_ALLOWED));
    }
}
