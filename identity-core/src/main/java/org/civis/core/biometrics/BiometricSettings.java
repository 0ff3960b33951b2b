package org.civis.core.biometrics;

/**
 * What an authority tunes about fingerprints.
 *
 * @param minMinutiae a capture with fewer minutiae is refused at the quality gate
 * @param matchThreshold the SourceAFIS score at or above which two impressions are the same finger for
 *     authentication (40 is SourceAFIS's documented point of 0.01% false matches)
 * @param dedupThreshold the score at or above which an enrollment's finger makes an enrolled identity a
 *     duplicate candidate
 * @param maxCandidates at most this many duplicate candidates are reported, best first
 * @param keepImages keep captured images in the identity record; otherwise only templates are kept
 * @param fusion how the scores of several fingers presented for authentication make one answer
 * @param workers threads that extract and compare (CPU-bound work, never run on an event loop)
 * @param queueLimit extraction and comparison jobs waiting beyond this are refused as busy
 * @param holdsGallery this node keeps every enrolled finger in memory for 1:N deduplication (about
 *     10 KB per finger); a node that does not, one that only authenticates, asks the nodes that do
 */
public record BiometricSettings(
        int minMinutiae,
        double matchThreshold,
        double dedupThreshold,
        int maxCandidates,
        boolean keepImages,
        FusionRule fusion,
        int workers,
        int queueLimit,
        boolean holdsGallery) {

    public BiometricSettings {
        java.util.Objects.requireNonNull(fusion, "fusion");
        if (minMinutiae < 1) {
            throw new IllegalArgumentException("minMinutiae must be at least 1");
        }
        if (matchThreshold <= 0 || dedupThreshold <= 0) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
        if (maxCandidates < 1 || workers < 1 || queueLimit < 1) {
            throw new IllegalArgumentException("maxCandidates, workers and queueLimit must be at least 1");
        }
    }

    /** Thresholds from SourceAFIS's calibration and our FVC2000 measurements (README, "Biometrics"). */
    public static BiometricSettings defaults() {
        return new BiometricSettings(
                12, 40, 40, 20, false, FusionRule.ANY, Runtime.getRuntime().availableProcessors(), 256, true);
    }

    /** The same settings for a node that holds no 1:N gallery (one that only authenticates). */
    public BiometricSettings withoutGallery() {
        return new BiometricSettings(
                minMinutiae,
                matchThreshold,
                dedupThreshold,
                maxCandidates,
                keepImages,
                fusion,
                workers,
                queueLimit,
                false);
    }
}
