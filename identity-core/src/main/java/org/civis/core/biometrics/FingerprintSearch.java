package org.civis.core.biometrics;

import io.vertx.core.Future;
import java.util.List;

/**
 * The 1:N search enrollment runs before its transaction. The built-in one is this node's
 * {@link FingerprintGallery}, which holds every enrolled finger; a cluster can plug in one that
 * searches where the data lives and merges the answers ({@link Biometrics#searchWith}).
 */
public interface FingerprintSearch {

    /**
     * Identities with a finger scoring at least {@code threshold} against one of {@code probe}, best
     * first, at most {@code max}; and the template-table seq up to which every row was searched.
     * Rows after that seq are compared again under the write lock, so a search may be behind the
     * table, but must never claim a seq it has not fully searched.
     */
    Future<Result> search(List<PreparedFingerprint> probe, double threshold, int max);

    /** What a search found, and how far into the template table it looked. */
    record Result(List<BiometricCandidate> candidates, long completeUpTo) {
        public Result {
            candidates = List.copyOf(candidates);
        }
    }
}
