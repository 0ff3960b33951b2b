package org.civis.core.biometrics;

import java.util.Arrays;
import org.civis.core.schema.ViolationCode;

/** The answer of a 1:1 fingerprint check. */
public sealed interface FingerprintVerification {

    /**
     * The presented fingers were compared.
     *
     * @param scores the best score of each presented finger, in the order presented
     */
    record Compared(boolean matched, double[] scores) implements FingerprintVerification {
        public Compared {
            scores = scores.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Compared that && matched == that.matched && Arrays.equals(scores, that.scores);
        }

        @Override
        public int hashCode() {
            return 31 * Boolean.hashCode(matched) + Arrays.hashCode(scores);
        }

        @Override
        public String toString() {
            return "Compared[matched=" + matched + ", scores=" + Arrays.toString(scores) + "]";
        }
    }

    /** A presented finger could not be used: capture it again. Nothing was compared. */
    record Unusable(int index, ViolationCode code, String message) implements FingerprintVerification {}

    /** The identity has no enrolled fingerprints to compare with. */
    record NotEnrolled() implements FingerprintVerification {}
}
