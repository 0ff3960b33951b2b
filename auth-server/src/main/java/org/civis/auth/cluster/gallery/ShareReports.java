package org.civis.auth.cluster.gallery;

import java.util.BitSet;
import java.util.List;
import org.civis.core.biometrics.BiometricCandidate;
import org.civis.core.biometrics.BiometricCandidates;
import org.civis.core.biometrics.FingerprintSearch;

/** The reports of one search round, and what they add up to. */
record ShareReports(List<ShareReport> reports, int partitionCount) {

    ShareReports {
        reports = List.copyOf(reports);
    }

    boolean anyBusy() {
        return reports.stream().anyMatch(ShareReport::busy);
    }

    /** Whether every identity was scanned by some member: each partition is claimed by a report. */
    boolean coverEveryPartition() {
        BitSet covered = new BitSet(partitionCount);
        reports.forEach(report -> report.partitions().forEach(covered::set));
        return covered.nextClearBit(0) >= partitionCount;
    }

    /**
     * The seq up to which every row was searched: the least caught-up gallery among the members that
     * scanned something, since a row after it may be missing from that member's share. A member that
     * scanned nothing did not search any row, so its gallery does not limit the answer.
     */
    long completeUpTo() {
        return reports.stream()
                .filter(report -> !report.partitions().isEmpty())
                .mapToLong(ShareReport::seenSeq)
                .min()
                .orElse(0);
    }

    /** One entry per identity, best first. */
    List<BiometricCandidate> candidates(int max) {
        List<BiometricCandidate> all =
                reports.stream().flatMap(report -> report.candidates().stream()).toList();
        return BiometricCandidates.merge(all, List.of(), max);
    }

    FingerprintSearch.Result result(int max) {
        return new FingerprintSearch.Result(candidates(max), completeUpTo());
    }
}
