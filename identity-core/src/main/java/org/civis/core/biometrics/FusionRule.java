package org.civis.core.biometrics;

/** How the scores of several presented fingers make one yes or no. */
public enum FusionRule {
    /** One matching finger is enough: the usual rule for a field device with one sensor. */
    ANY,
    /** Every presented finger must match. */
    ALL,
    /** At least two different fingers must match: fewer false accepts, for high-value transactions. */
    BEST_TWO;

    boolean accepts(double[] scores, double threshold) {
        long matching = java.util.Arrays.stream(scores)
                .filter(score -> score >= threshold)
                .count();
        return switch (this) {
            case ANY -> matching >= 1;
            case ALL -> scores.length > 0 && matching == scores.length;
            case BEST_TWO -> matching >= 2;
        };
    }
}
