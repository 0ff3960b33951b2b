package org.civis.core.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;
import java.util.List;

/**
 * One set of probe fingers, ready to be compared with many enrolled sets. Each probe's matcher is
 * built once (SourceAFIS indexes the probe) and reused for every candidate. Not shared between
 * threads: each worker builds its own.
 */
final class FingerprintComparison {
    private final List<PreparedFingerprint> probes;
    private final List<FingerprintMatcher> matchers;

    FingerprintComparison(List<PreparedFingerprint> probes) {
        this.probes = List.copyOf(probes);
        this.matchers = probes.stream()
                .map(probe -> new FingerprintMatcher(probe.template()))
                .toList();
    }

    /**
     * The best score of each probe finger against the comparable fingers of {@code enrolled}: same
     * position, or any when either position is unknown. A probe with nothing to compare scores 0.
     */
    double[] bestPerProbe(List<PreparedFingerprint> enrolled) {
        double[] best = new double[probes.size()];
        for (int p = 0; p < probes.size(); p++) {
            PreparedFingerprint probe = probes.get(p);
            for (PreparedFingerprint candidate : enrolled) {
                if (probe.comparableWith(candidate)) {
                    best[p] = Math.max(best[p], matchers.get(p).match(candidate.template()));
                }
            }
        }
        return best;
    }

    List<PreparedFingerprint> probes() {
        return probes;
    }
}
