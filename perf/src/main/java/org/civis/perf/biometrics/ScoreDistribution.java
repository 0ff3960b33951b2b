package org.civis.perf.biometrics;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.Arrays;
import java.util.List;

/**
 * The scores of every unordered pair of a set's templates, split into genuine pairs (same finger)
 * and impostor pairs (different fingers), and the error rates they give at a threshold.
 */
final class ScoreDistribution {

    private final double[] genuine;
    private final double[] impostor;

    private ScoreDistribution(double[] genuine, double[] impostor) {
        this.genuine = genuine;
        this.impostor = impostor;
        Arrays.sort(this.genuine);
        Arrays.sort(this.impostor);
    }

    /**
     * Compares each pair once, the earlier template as the probe, as the FVC protocol does: the
     * reverse direction scores close to (not exactly) the same, so counting it too would add
     * correlated samples rather than information.
     */
    static ScoreDistribution compareAllPairs(List<FingerprintTemplate> templates, int[] fingers) {
        int pairs = templates.size() * (templates.size() - 1) / 2;
        double[] genuine = new double[pairs];
        double[] impostor = new double[pairs];
        int genuineCount = 0;
        int impostorCount = 0;
        for (int probe = 0; probe < templates.size(); probe++) {
            FingerprintMatcher matcher = new FingerprintMatcher(templates.get(probe));
            for (int candidate = probe + 1; candidate < templates.size(); candidate++) {
                double score = matcher.match(templates.get(candidate));
                if (fingers[probe] == fingers[candidate]) {
                    genuine[genuineCount++] = score;
                } else {
                    impostor[impostorCount++] = score;
                }
            }
        }
        return new ScoreDistribution(Arrays.copyOf(genuine, genuineCount), Arrays.copyOf(impostor, impostorCount));
    }

    int genuinePairs() {
        return genuine.length;
    }

    int impostorPairs() {
        return impostor.length;
    }

    /** Genuine pairs scoring below the threshold: the same finger rejected. */
    int falseNonMatches(double threshold) {
        return (int) Arrays.stream(genuine).filter(score -> score < threshold).count();
    }

    /** Impostor pairs scoring at or above the threshold: different fingers accepted. */
    int falseMatches(double threshold) {
        return (int) Arrays.stream(impostor).filter(score -> score >= threshold).count();
    }

    double genuineMin() {
        return genuine.length == 0 ? Double.NaN : genuine[0];
    }

    double genuineMedian() {
        if (genuine.length == 0) {
            return Double.NaN;
        }
        int middle = genuine.length / 2;
        return genuine.length % 2 == 1 ? genuine[middle] : (genuine[middle - 1] + genuine[middle]) / 2;
    }

    double impostorMax() {
        return impostor.length == 0 ? Double.NaN : impostor[impostor.length - 1];
    }
}
