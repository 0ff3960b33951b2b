package org.civis.auth.cluster.gallery;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.civis.auth.cluster.VertxFutures;
import org.civis.core.biometrics.BiometricsUnavailable;
import org.civis.core.biometrics.FingerprintSearch;
import org.civis.core.biometrics.PreparedFingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 1:N search split over the members that hold a gallery: this node gives each of them a share of
 * the Hazelcast partitions ({@link ShareAssignment}), each compares the probe with the identities
 * of its share only, so the cluster compares each identity once, and this node merges the answers.
 * The merged search is complete up to the least caught-up gallery that took part, and enrollment
 * re-checks the rows after that under the write lock, as it does for a local search. Members that
 * only authenticate hold no gallery and are given nothing; such a node can still ask.
 *
 * <p>A round counts only if its reports cover every partition. One that does not (a member was
 * starting, stopping or failed) is run again after a pause, and after a few such rounds this
 * node's own full gallery answers alone: slower, never incomplete. A node without a gallery has no
 * such fallback and fails with BiometricsUnavailable (BIOMETRICS_UNAVAILABLE), before anything is written.
 */
public final class PartitionedFingerprintSearch implements FingerprintSearch {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionedFingerprintSearch.class);
    private static final int ROUNDS = 3;
    private static final long PAUSE_MS = 200;
    /** The members give up after {@link ShareScanTask#WAIT_SECONDS}; waiting longer would learn nothing. */
    private static final long ROUND_LIMIT_SECONDS = ShareScanTask.WAIT_SECONDS + 10;

    private final Vertx vertx;
    private final HazelcastInstance hazelcast;
    private final Optional<GalleryShare> localShare;

    /** For a node that holds a gallery: it scans its own share and is the fallback. */
    public PartitionedFingerprintSearch(Vertx vertx, HazelcastInstance hazelcast, GalleryShare localShare) {
        this(vertx, hazelcast, Optional.of(localShare));
    }

    /** For a node that only authenticates: the gallery members do all the comparing. */
    public PartitionedFingerprintSearch(Vertx vertx, HazelcastInstance hazelcast) {
        this(vertx, hazelcast, Optional.empty());
    }

    private PartitionedFingerprintSearch(Vertx vertx, HazelcastInstance hazelcast, Optional<GalleryShare> localShare) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
        this.localShare = localShare;
    }

    @Override
    public Future<Result> search(List<PreparedFingerprint> probe, double threshold, int max) {
        if (localShare.isPresent() && assignment().onlyLocal()) {
            return localShare.get().gallery().search(probe, threshold, max); // nobody to split with
        }
        return round(probe, threshold, max, 1);
    }

    private Future<Result> round(List<PreparedFingerprint> probe, double threshold, int max, int round) {
        return gatherOrFail(probe, threshold, max).transform(gathered -> {
            if (gathered.failed()) {
                // This node's own scan found biometrics out of reach: its full gallery would fail alike.
                if (gathered.cause() instanceof BiometricsUnavailable) {
                    return Future.failedFuture(gathered.cause());
                }
                LOG.warn(
                        "a cluster fingerprint search failed ({})",
                        gathered.cause().getClass().getSimpleName());
                return searchAlone(probe, threshold, max);
            }
            ShareReports reports = gathered.result();
            if (reports.anyBusy()) {
                return Future.failedFuture(BiometricsUnavailable.busy());
            }
            if (reports.coverEveryPartition()) {
                return Future.succeededFuture(reports.result(max));
            }
            if (round < ROUNDS) {
                return vertx.timer(PAUSE_MS * round).compose(paused -> round(probe, threshold, max, round + 1));
            }
            LOG.warn("the cluster's gallery shares left partitions unsearched {} times", ROUNDS);
            return searchAlone(probe, threshold, max);
        });
    }

    /** This node's full gallery, or a refusal on a node that holds none. */
    private Future<Result> searchAlone(List<PreparedFingerprint> probe, double threshold, int max) {
        if (localShare.isEmpty()) {
            return Future.failedFuture(BiometricsUnavailable.noGallery(
                    "the cluster's fingerprint galleries did not answer; retry shortly"));
        }
        LOG.warn("searching this node's own fingerprint gallery instead");
        return localShare.get().gallery().search(probe, threshold, max);
    }

    /** A round that could not even start (this member is stopping) fails like one that broke midway. */
    private Future<ShareReports> gatherOrFail(List<PreparedFingerprint> probe, double threshold, int max) {
        try {
            return gather(probe, threshold, max);
        } catch (RuntimeException notStarted) {
            return Future.failedFuture(notStarted);
        }
    }

    /** One round: each gallery member scans the share it is given here, this one directly. */
    Future<ShareReports> gather(List<PreparedFingerprint> probe, double threshold, int max) {
        ShareAssignment assignment = assignment();
        if (assignment.isEmpty()) {
            return Future.failedFuture(BiometricsUnavailable.noGallery(
                    "no member of this cluster holds a fingerprint gallery to deduplicate against"));
        }
        List<ProbeFinger> exported = ProbeFinger.exported(probe);
        List<Future<ShareReport>> reports = new ArrayList<>();
        for (Map.Entry<Member, Set<Integer>> share : assignment.shares().entrySet()) {
            Member member = share.getKey();
            reports.add(
                    member.localMember()
                            ? scanHere(probe, threshold, max, share.getValue())
                            : ask(member, new ShareScanTask(exported, threshold, max, share.getValue())));
        }
        return Future.all(reports).map(all -> new ShareReports(all.list(), assignment.partitionCount()));
    }

    private Future<ShareReport> scanHere(
            List<PreparedFingerprint> probe, double threshold, int max, Set<Integer> share) {
        return localShare
                .map(mine -> mine.scan(probe, threshold, max, share))
                .orElseGet(() -> Future.succeededFuture(ShareReport.nothingScanned(
                        hazelcast.getCluster().getLocalMember().getUuid().toString())));
    }

    private Future<ShareReport> ask(Member member, ShareScanTask task) {
        CompletableFuture<ShareReport> answer = new CompletableFuture<>();
        try {
            hazelcast
                    .getExecutorService(ScanExecutor.NAME)
                    .submitToMember(task, member, new ExecutionCallback<ShareReport>() {
                        @Override
                        public void onResponse(ShareReport report) {
                            answer.complete(report);
                        }

                        @Override
                        public void onFailure(Throwable failed) {
                            answer.complete(reportOf(member, failed));
                        }
                    });
        } catch (RuntimeException notSent) { // this member is stopping, or the task could not be serialized
            answer.completeExceptionally(notSent);
        }
        return VertxFutures.of(answer.orTimeout(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS));
    }

    /** A member's failed answer (it left, is not a member any more, or was full) claims no partitions. */
    private static ShareReport reportOf(Member member, Throwable failed) {
        String id = member.getUuid().toString();
        if (failed instanceof RejectedExecutionException) {
            return ShareReport.busy(id); // its scan executor's queue is full
        }
        LOG.warn(
                "member {} did not scan its fingerprint share: {}",
                id,
                failed.getClass().getSimpleName());
        return ShareReport.nothingScanned(id);
    }

    /** Computed again for each round: members come and go between rounds. */
    private ShareAssignment assignment() {
        return ShareAssignment.of(
                GalleryMembers.among(hazelcast.getCluster().getMembers()),
                hazelcast.getPartitionService().getPartitions().size());
    }
}
