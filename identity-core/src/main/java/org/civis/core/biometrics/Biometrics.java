package org.civis.core.biometrics;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import org.civis.core.crypto.EnvelopeCipher;
import org.civis.core.schema.IdSchema;

/**
 * The registry's fingerprint subsystem, wired once: extraction behind the quality gate, the
 * encrypted template store, the 1:N gallery and 1:1 verification, all on one bounded worker pool.
 */
public final class Biometrics implements AutoCloseable {
    private final BiometricSettings settings;
    private final BiometricWorkers workers;
    private final FingerprintExtractor extractor;
    private final FingerprintStore store;
    private final FingerprintGallery gallery;
    private final FingerprintIntake intake;
    private volatile FingerprintSearch search;

    public Biometrics(Pool pool, EnvelopeCipher cipher, IdSchema schema, BiometricSettings settings) {
        this.settings = settings;
        this.workers = new BiometricWorkers(settings.workers(), settings.queueLimit());
        this.extractor = new FingerprintExtractor(settings.minMinutiae());
        this.store = new FingerprintStore(cipher);
        this.gallery = new FingerprintGallery(pool, store, workers);
        this.intake = new FingerprintIntake(schema, extractor, workers, settings.keepImages());
        this.search = settings.holdsGallery() ? gallery : Biometrics::noGallery;
    }

    /** Whether this node keeps the 1:N gallery in memory ({@link BiometricSettings#holdsGallery}). */
    public boolean holdsGallery() {
        return settings.holdsGallery();
    }

    /**
     * The 1:N search enrollment uses: this node's gallery unless a cluster search was plugged in. A
     * node without a gallery and without a cluster search refuses, before anything is written:
     * enrolling a finger unsearched would break the one-person-one-identity promise.
     */
    public FingerprintSearch search() {
        return search;
    }

    /** Replaces the 1:N search, for a deployment that spreads the gallery over its nodes. */
    public void searchWith(FingerprintSearch other) {
        this.search = java.util.Objects.requireNonNull(other, "other");
    }

    public BiometricSettings settings() {
        return settings;
    }

    public FingerprintStore store() {
        return store;
    }

    /**
     * This node's gallery. On a node that holds none it stays empty and is used only to prepare and
     * compare rows read for one enrollment (the re-check under the write lock).
     */
    public FingerprintGallery gallery() {
        return gallery;
    }

    /** The bounded worker pool, for other CPU-bound or blocking biometric work (plugged-in matchers). */
    public BiometricWorkers workers() {
        return workers;
    }

    public FingerprintIntake intake() {
        return intake;
    }

    /**
     * Compares presented fingers with an identity's enrolled ones: each presented finger against the
     * enrolled finger of the same position, or all of them when either position is unknown; the
     * per-finger best scores are then fused by the configured rule at the match threshold.
     */
    public Future<FingerprintVerification> verify(
            List<CapturedFingerprint> presented, List<EnrolledFingerprint> enrolled) {
        if (enrolled.isEmpty()) {
            return Future.succeededFuture(new FingerprintVerification.NotEnrolled());
        }
        return workers.submit(() -> {
            List<PreparedFingerprint> probes = new ArrayList<>(presented.size());
            for (int i = 0; i < presented.size(); i++) {
                FingerprintExtractor.Extraction extraction = extractor.extract(presented.get(i));
                if (extraction instanceof FingerprintExtractor.Extraction.Refused refused) {
                    return new FingerprintVerification.Unusable(i, refused.code(), refused.message());
                }
                probes.add(((FingerprintExtractor.Extraction.Extracted) extraction).prepared());
            }
            // Only the enrolled fingers some probe will meet are rebuilt: that is most of the cost.
            List<PreparedFingerprint> candidates = enrolled.stream()
                    .filter(finger -> probes.stream()
                            .anyMatch(probe -> PreparedFingerprint.comparable(probe.position(), finger.position())))
                    .map(FingerprintExtractor::prepare)
                    .toList();
            double[] scores = new FingerprintComparison(probes).bestPerProbe(candidates);
            return new FingerprintVerification.Compared(
                    settings.fusion().accepts(scores, settings.matchThreshold()), scores);
        });
    }

    private static Future<FingerprintSearch.Result> noGallery(
            List<PreparedFingerprint> probe, double threshold, int max) {
        return Future.failedFuture(
                BiometricsUnavailable.noGallery(
                        "no fingerprint gallery is reachable from this node to deduplicate against; retry on an enrollment node"));
    }

    @Override
    public void close() {
        workers.close();
    }
}
