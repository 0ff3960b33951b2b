package org.civis.perf.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.List;

/**
 * 1:1 comparisons the way a verification or a 1:N scan runs them: a matcher is built once per
 * probe (that cost is excluded), then compared against each candidate in turn; after the last
 * candidate the next probe takes over. Rotating keeps the JIT and the caches from specialising on a
 * single pair, and keeps genuine and impostor pairs in the mix the candidates give.
 */
final class MatcherRotation {

    private final List<FingerprintMatcher> probes;
    private final List<FingerprintTemplate> candidates;
    private int probe;
    private int candidate;

    MatcherRotation(List<FingerprintTemplate> probes, List<FingerprintTemplate> candidates) {
        if (probes.isEmpty() || candidates.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one probe and one candidate");
        }
        this.probes = probes.stream().map(FingerprintMatcher::new).toList();
        this.candidates = List.copyOf(candidates);
    }

    /** The score of the next probe-candidate pair. */
    double compareNext() {
        double score = probes.get(probe).match(candidates.get(candidate));
        candidate++;
        if (candidate == candidates.size()) {
            candidate = 0;
            probe = (probe + 1) % probes.size();
        }
        return score;
    }
}
