package org.civis.core.biometrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civis.core.id.Uin;

/** Compares an enrollment's fingers with a slice of enrolled identities and keeps those that match. */
final class DuplicateScan {
    private DuplicateScan() {}

    static List<BiometricCandidate> scan(
            List<PreparedFingerprint> probe, List<Map.Entry<Uin, List<PreparedFingerprint>>> slice, double threshold) {
        FingerprintComparison comparison = new FingerprintComparison(probe);
        List<BiometricCandidate> found = new ArrayList<>();
        for (Map.Entry<Uin, List<PreparedFingerprint>> enrolled : slice) {
            double[] best = comparison.bestPerProbe(enrolled.getValue());
            int top = indexOfMax(best);
            if (top >= 0 && best[top] >= threshold) {
                found.add(new BiometricCandidate(
                        enrolled.getKey(), best[top], probe.get(top).position()));
            }
        }
        return found;
    }

    private static int indexOfMax(double[] values) {
        int top = -1;
        for (int i = 0; i < values.length; i++) {
            if (top < 0 || values[i] > values[top]) {
                top = i;
            }
        }
        return top;
    }
}
