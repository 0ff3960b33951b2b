package org.civis.auth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civis.auth.demo.Residents.SCHEMA;
import static org.civis.auth.demo.Residents.graceData;
import static org.civis.auth.demo.Residents.name;
import static org.civis.auth.demo.Residents.withName;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameStrategyTest {

    private static final NamePolicy LOOSE = new NamePolicy(true, true, 0.8);

    private final DemographicMatcher matcher = new DemographicMatcher(SCHEMA);

    private FieldOutcome only(DemoResult result) {
        assertThat(result.outcomes()).hasSize(1);
        return result.outcomes().get(0);
    }

    @Test
    void aPartialMatchWithOneTypoScoresAboveTheThreshold() {
        DemoResult result = matcher.match(
                graceData(), name("eng", "Grace Wanjiro Mwangi"), MatchStrategy.PARTIAL, Optional.of(0.9), LOOSE);

        assertThat(result.matched()).isTrue();
        assertThat(only(result).score().getAsDouble()).isBetween(0.9, 0.999);
    }

    @Test
    void partialMatchingIgnoresTheOrderOfNameParts() {
        DemoResult result = matcher.match(
                graceData(), name("eng", "Mwangi Grace Wanjiru"), MatchStrategy.PARTIAL, Optional.empty(), LOOSE);

        assertThat(only(result).score().getAsDouble()).isEqualTo(1.0);
        assertThat(result.matched()).isTrue();
    }

    @Test
    void aMissingNamePartCostsAsMuchAsAWrongOne() {
        DemoResult result =
                matcher.match(graceData(), name("eng", "Grace Mwangi"), MatchStrategy.PARTIAL, Optional.empty(), LOOSE);

        assertThat(only(result).score().getAsDouble()).isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat(only(result).code()).isEqualTo(DemoCode.DEMO_MISMATCH);
    }

    @Test
    void aRequestCanRaiseTheThresholdButNotLowerItBelowThePolicy() {
        JsonObject twoOfThree = name("eng", "Grace Mwangi");

        DemoResult lowerThanPolicy = matcher.match(
                graceData(), twoOfThree, MatchStrategy.PARTIAL, Optional.of(0.5), new NamePolicy(true, false, 0.9));
        DemoResult policyPermits = matcher.match(
                graceData(), twoOfThree, MatchStrategy.PARTIAL, Optional.of(0.5), new NamePolicy(true, false, 0.5));
        DemoResult raisedAbovePolicy = matcher.match(
                graceData(), twoOfThree, MatchStrategy.PARTIAL, Optional.of(0.7), new NamePolicy(true, false, 0.5));

        assertThat(lowerThanPolicy.matched()).isFalse();
        assertThat(policyPermits.matched()).isTrue();
        assertThat(raisedAbovePolicy.matched()).isFalse();
    }

    @Test
    void looseStrategiesApplyOnlyToTheNameOtherFieldsStayExact() {
        JsonObject requested = name("eng", "Grace Wanjiro Mwangi").put("dateOfBirth", "1990-04-18");

        DemoResult result = matcher.match(graceData(), requested, MatchStrategy.PARTIAL, Optional.empty(), LOOSE);

        assertThat(result.failures()).containsExactly(FieldOutcome.of("dateOfBirth", DemoCode.DEMO_MISMATCH));
    }

    @Test
    void aStrategyThePolicyForbidsIsRefusedAndNothingIsCompared() {
        JsonObject requested = name("eng", "Grace Wanjiru Mwangi").put("dateOfBirth", "1990-04-17");

        DemoResult partial =
                matcher.match(graceData(), requested, MatchStrategy.PARTIAL, Optional.empty(), NamePolicy.EXACT_ONLY);
        DemoResult phonetic = matcher.match(
                graceData(), requested, MatchStrategy.PHONETIC, Optional.empty(), new NamePolicy(true, false, 0.8));

        FieldOutcome refused = FieldOutcome.of(FieldOutcome.REQUEST, DemoCode.DEMO_STRATEGY_NOT_ALLOWED);
        assertThat(partial.outcomes()).containsExactly(refused);
        assertThat(phonetic.outcomes()).containsExactly(refused);
        assertThat(partial.matched()).isFalse();
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        for (double threshold : new double[] {-0.1, 1.01, Double.NaN}) {
            DemoResult result = matcher.match(
                    graceData(), name("eng", "Grace"), MatchStrategy.PARTIAL, Optional.of(threshold), LOOSE);

            assertThat(result.outcomes())
                    .as("threshold %s", threshold)
                    .containsExactly(FieldOutcome.of(FieldOutcome.REQUEST, DemoCode.DEMO_THRESHOLD_INVALID));
        }
    }

    @Test
    void spellingsOfTheSameSpokenNameMatchPhonetically() {
        DemoResult mohammed = matcher.match(
                withName("eng", "Mohammed Ali"),
                name("eng", "Muhammad Aly"),
                MatchStrategy.PHONETIC,
                Optional.of(1.0),
                LOOSE);
        DemoResult schmidt = matcher.match(
                withName("eng", "Hans Schmidt"),
                name("eng", "Hans Schmitt"),
                MatchStrategy.PHONETIC,
                Optional.of(1.0),
                LOOSE);

        assertThat(only(mohammed).score()).hasValue(1.0);
        assertThat(mohammed.matched()).isTrue();
        assertThat(schmidt.matched()).isTrue();
    }

    @Test
    void differentNamesDoNotMatchPhonetically() {
        DemoResult result = matcher.match(
                withName("eng", "Grace Mwangi"),
                name("eng", "Peter Otieno"),
                MatchStrategy.PHONETIC,
                Optional.empty(),
                LOOSE);

        assertThat(only(result).score()).hasValue(0.0);
        assertThat(result.matched()).isFalse();
    }

    @Test
    void scriptsWithoutPhoneticRulesFallBackToEqualTokens() {
        MatchData enrolled = withName("hin", "प्रिया शर्मा");

        DemoResult sameName =
                matcher.match(enrolled, name("hin", "प्रिया शर्मा"), MatchStrategy.PHONETIC, Optional.empty(), LOOSE);
        DemoResult otherSurname =
                matcher.match(enrolled, name("hin", "प्रिया वर्मा"), MatchStrategy.PHONETIC, Optional.empty(), LOOSE);

        assertThat(sameName.matched()).isTrue();
        assertThat(only(otherSurname).score()).hasValue(0.5);
    }

    @Test
    void aLanguageTheIdentityLacksNeverMatchesEvenWithAZeroThreshold() {
        NamePolicy anything = new NamePolicy(true, true, 0.0);

        DemoResult partial = matcher.match(
                graceData(), name("fra", "Grace Wanjiru Mwangi"), MatchStrategy.PARTIAL, Optional.empty(), anything);
        DemoResult enrolledLanguage = matcher.match(
                graceData(), name("eng", "Peter Otieno"), MatchStrategy.PARTIAL, Optional.empty(), anything);

        assertThat(partial.outcomes()).extracting(FieldOutcome::code).containsExactly(DemoCode.DEMO_MISMATCH);
        assertThat(enrolledLanguage.matched()).isTrue();
    }
}
