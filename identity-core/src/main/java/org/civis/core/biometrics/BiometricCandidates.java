package org.civis.core.biometrics;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.civis.core.id.Uin;

/** Combines candidate lists found by separate searches. */
public final class BiometricCandidates {
    private static final Comparator<BiometricCandidate> BEST_FIRST =
            Comparator.comparingDouble(BiometricCandidate::score).reversed();

    private BiometricCandidates() {}

    /** Both lists as one: one entry per identity (its best), best first, at most {@code max}. */
    public static List<BiometricCandidate> merge(
            List<BiometricCandidate> first, List<BiometricCandidate> second, int max) {
        Map<Uin, BiometricCandidate> best = new HashMap<>();
        Stream.concat(first.stream(), second.stream())
                .forEach(candidate -> best.merge(candidate.uin(), candidate, (a, b) -> a.score() >= b.score() ? a : b));
        return best.values().stream().sorted(BEST_FIRST).limit(max).toList();
    }
}
