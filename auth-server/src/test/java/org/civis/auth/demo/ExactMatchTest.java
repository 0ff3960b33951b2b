package org.civis.auth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civis.auth.demo.Residents.SCHEMA;
import static org.civis.auth.demo.Residents.graceData;
import static org.civis.auth.demo.Residents.name;
import static org.civis.auth.demo.Residents.withName;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExactMatchTest {

    private final DemographicMatcher matcher = new DemographicMatcher(SCHEMA);

    private DemoResult exact(MatchData enrolled, JsonObject requested) {
        return matcher.match(enrolled, requested, MatchStrategy.EXACT, Optional.empty(), NamePolicy.EXACT_ONLY);
    }

    @Test
    void aNameTypedWithOtherCaseSpacingAndHyphensMatches() {
        DemoResult result = exact(graceData(), name("eng", "  GRACE   wanjiru-MWANGI "));

        assertThat(result.matched()).isTrue();
        assertThat(result.outcomes()).containsExactly(FieldOutcome.of("fullName", DemoCode.MATCHED));
    }

    @Test
    void accentsApostrophesAndUndecomposableLettersAreIgnoredAsNameNormalizerDoes() {
        MatchData enrolled = withName("eng", "José Ødegård O'Brien");

        assertThat(exact(enrolled, name("eng", "jose odegard obrien")).matched())
                .isTrue();
        assertThat(exact(enrolled, name("eng", "Jose Odegard O’Brien")).matched())
                .isTrue();
    }

    @Test
    void exactMatchingKeepsTheOrderOfNameParts() {
        assertThat(exact(graceData(), name("eng", "Mwangi Grace Wanjiru")).failures())
                .containsExactly(FieldOutcome.of("fullName", DemoCode.DEMO_MISMATCH));
    }

    @Test
    void anArabicNameMatchesWithOrWithoutShortVowels() {
        MatchData enrolled = withName("ara", "مُحَمَّد عَلِي");

        assertThat(exact(enrolled, name("ara", "محمد علي")).matched()).isTrue();
        assertThat(exact(enrolled, name("ara", "محمود علي")).matched()).isFalse();
    }

    @Test
    void aDevanagariNameMatchesOnlyWithItsVowelSigns() {
        MatchData enrolled = withName("hin", "प्रिया शर्मा");

        assertThat(exact(enrolled, name("hin", "प्रिया  शर्मा")).matched()).isTrue();
        assertThat(exact(enrolled, name("hin", "पर्या शर्मा")).matched()).isFalse();
    }

    @Test
    void everyRequestedLanguageMustBeEnrolledAndEqual() {
        JsonObject bothEnrolled = new JsonObject()
                .put(
                        "fullName",
                        new JsonObject().put("eng", "Grace Wanjiru Mwangi").put("swa", "grace wanjiru mwangi"));
        JsonObject oneNotEnrolled = new JsonObject()
                .put(
                        "fullName",
                        new JsonObject().put("eng", "Grace Wanjiru Mwangi").put("fra", "Grace Wanjiru Mwangi"));

        assertThat(exact(graceData(), bothEnrolled).matched()).isTrue();
        assertThat(exact(graceData(), oneNotEnrolled).outcomes())
                .containsExactly(FieldOutcome.of("fullName", DemoCode.DEMO_MISMATCH));
    }

    @Test
    void dateOfBirthGenderPhoneAndEmailMatchInTheirNormalizedForms() {
        JsonObject requested = new JsonObject()
                .put("dateOfBirth", "1990-04-17")
                .put("gender", " Female ")
                .put("phone", "+254 712-345-678")
                .put("email", " GRACE.MWANGI@example.ORG")
                .put("nationality", "ken");

        DemoResult result = exact(graceData(), requested);

        assertThat(result.failures()).isEmpty();
        assertThat(result.outcomes()).hasSize(5);
        assertThat(result.matched()).isTrue();
    }

    @Test
    void aDifferentValueOfAnyFieldIsAMismatch() {
        JsonObject requested = new JsonObject()
                .put("dateOfBirth", "1990-04-18")
                .put("gender", "male")
                .put("phone", "+254712345679")
                .put("email", "grace.mwangi@example.com");

        assertThat(exact(graceData(), requested).failures())
                .extracting(FieldOutcome::code)
                .containsExactly(
                        DemoCode.DEMO_MISMATCH, DemoCode.DEMO_MISMATCH, DemoCode.DEMO_MISMATCH, DemoCode.DEMO_MISMATCH);
    }

    @Test
    void aFieldTheIdentityLacksIsAMismatchLikeAWrongValue() {
        MatchData noContacts = withName("eng", "Peter Otieno");

        DemoResult result = exact(noContacts, new JsonObject().put("email", "peter@example.org"));

        assertThat(result.outcomes()).containsExactly(FieldOutcome.of("email", DemoCode.DEMO_MISMATCH));
    }

    @Test
    void oneFailingFieldFailsTheWholeRequest() {
        JsonObject requested = new JsonObject().put("dateOfBirth", "1990-04-17").put("gender", "male");

        DemoResult result = exact(graceData(), requested);

        assertThat(result.matched()).isFalse();
        assertThat(result.outcomes())
                .containsExactly(
                        FieldOutcome.of("dateOfBirth", DemoCode.MATCHED),
                        FieldOutcome.of("gender", DemoCode.DEMO_MISMATCH));
        assertThat(result.failures()).containsExactly(FieldOutcome.of("gender", DemoCode.DEMO_MISMATCH));
    }
}
