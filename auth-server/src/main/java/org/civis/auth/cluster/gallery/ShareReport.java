package org.civis.auth.cluster.gallery;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.civis.core.biometrics.BiometricCandidate;

/**
 * One member's answer to a scan: what it found among the identities of the partitions it was
 * given, which partitions those were, and the template seq up to which its gallery held every row
 * when it took the snapshot it scanned. A member that could not scan claims no partitions, so the
 * round cannot count on it; one whose workers were full says so.
 *
 * @param member the member's Hazelcast UUID, to tell reports apart (not personal data)
 */
record ShareReport(
        String member, List<BiometricCandidate> candidates, Set<Integer> partitions, long seenSeq, boolean busy)
        implements Serializable {

    ShareReport {
        candidates = List.copyOf(candidates);
        partitions = Set.copyOf(partitions);
    }

    static ShareReport scanned(String member, List<BiometricCandidate> found, Set<Integer> partitions, long seenSeq) {
        return new ShareReport(member, found, partitions, seenSeq, false);
    }

    /** The member scanned nothing: still starting, already stopping, or its scan failed. */
    static ShareReport nothingScanned(String member) {
        return new ShareReport(member, List.of(), Set.of(), 0, false);
    }

    /** The member's fingerprint workers (or its scan executor) refused the work as busy. */
    static ShareReport busy(String member) {
        return new ShareReport(member, List.of(), Set.of(), 0, true);
    }
}
