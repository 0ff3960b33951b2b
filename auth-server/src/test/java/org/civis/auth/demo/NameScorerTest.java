package org.civis.auth.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class NameScorerTest {

    @Test
    void partialPairsEachTokenWithItsBestUnusedCounterpart() {
        // "ann" is closest to "anna", but once "anna" is taken by its exact twin it must pair with "hanna".
        double score = NameScorer.partial(List.of("anna", "ann"), List.of("anna", "hanna"));

        double annHanna = new JaroWinklerSimilarity().apply("ann", "hanna");
        assertThat(score).isCloseTo((1.0 + annHanna) / 2, within(1e-12));
        assertThat(NameScorer.partial(List.of("anna", "hanna"), List.of("hanna", "anna")))
                .isEqualTo(1.0);
    }

    @Test
    void phoneticPairingFindsTheLargestSetOfPairsNotJustAGreedyOne() {
        // The first requested token sounds like both enrolled ones; the second only like the first.
        // A greedy pairing would give the first enrolled token away and score 1/2.
        List<String> requested = List.of("r1", "r2");
        List<Set<String>> requestedCodes = List.of(Set.of("a", "b"), Set.of("a"));
        List<String> enrolled = List.of("e1", "e2");
        List<Set<String>> enrolledCodes = List.of(Set.of("a"), Set.of("b"));

        assertThat(NameScorer.phonetic(requested, requestedCodes, enrolled, enrolledCodes))
                .isEqualTo(1.0);
    }

    @Test
    void tokensWithoutCodesPairOnlyWhenEqual() {
        List<Set<String>> noCodes = List.of(Set.of(), Set.of());

        assertThat(NameScorer.phonetic(List.of("x", "y"), noCodes, List.of("x", "z"), noCodes))
                .isEqualTo(0.5);
    }
}
