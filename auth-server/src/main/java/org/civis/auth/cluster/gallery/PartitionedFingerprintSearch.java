package org.civis.auth.cluster.gallery;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.MultiExecutionCallback;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.civis.auth.cluster.VertxFutures;
import org.civis.core.RegistryError;
import org.civis.core.RegistryException;
import org.civis.core.biometrics.FingerprintGallery;
import org.civis.core.biometrics.FingerprintSearch;
import org.civis.core.biometrics.PreparedFingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 1:N search where the data lives: every member compares the probe with the identities of the
 * Hazelcast partitions it owns, so the cluster compares each identity once and the CPU work is
 * split over the members; this node merges the answers. The merged search is complete up to the
 * least caught-up gallery that took part, and enrollment re-checks the rows after that under the
 * write lock, as it does for a local search.
 *
 * <p>A round counts only if its reports cover every partition. One that does not (ownership moved
 * during a migration, a member was starting, stopping or failed) is run again after a pause, and
 * after a few such rounds this node's full gallery answers alone: slower, never incomplete.
 */
public final class PartitionedFingerprintSearch implements FingerprintSearch {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionedFingerprintSearch.class);
    private static final int ROUNDS = 3;
    private static final long PAUSE_MS = 200;
    /** The members give up after {@link ShareScanTask#WAIT_SECONDS}; waiting longer would learn nothing. */
    private static final long ROUND_LIMIT_SECONDS = ShareScanTask.WAIT_SECONDS + 10;

    private final Vertx vertx;
    private final HazelcastInstance hazelcast;
    private final GalleryShare localShare;
    private final FingerprintGallery localGallery;

    /** @param localGallery this node's full gallery, the answer when the cluster's shares do not add up */
    public PartitionedFingerprintSearch(
            Vertx vertx, HazelcastInstance hazelcast, GalleryShare localShare, FingerprintGallery localGallery) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
        this.localShare = localShare;
        this.localGallery = localGallery;
    }

    @Override
    public Future<Result> search(List<PreparedFingerprint> probe, double threshold, int max) {
        if (otherMembers().isEmpty()) {
            return localGallery.search(probe, threshold, max); // alone, this node owns every partition
        }
        return round(probe, threshold, max, 1);
    }

    private Future<Result> round(List<PreparedFingerprint> probe, double threshold, int max, int round) {
        return gatherOrFail(probe, threshold, max).transform(gathered -> {
            if (gathered.failed()) {
                // This node's own scan refused or broke: its full gallery would fail alike.
                if (gathered.cause() instanceof RegistryException) {
                    return Future.failedFuture(gathered.cause());
                }
                LOG.warn(
                        "a cluster fingerprint search failed ({}); searching this node's gallery",
                        gathered.cause().getClass().getSimpleName());
                return localGallery.search(probe, threshold, max);
            }
            ShareReports reports = gathered.result();
            if (reports.anyBusy()) {
                return Future.failedFuture(new RegistryException(
                        RegistryError.BIOMETRICS_BUSY, "the fingerprint workers are busy; retry shortly"));
            }
            if (reports.coverEveryPartition()) {
                return Future.succeededFuture(reports.result(max));
            }
            if (round < ROUNDS) {
                return vertx.timer(PAUSE_MS * round).compose(paused -> round(probe, threshold, max, round + 1));
            }
            LOG.warn("the cluster's gallery shares left partitions unsearched {} times; searching this node's", ROUNDS);
            return localGallery.search(probe, threshold, max);
        });
    }

    /** A round that could not even start (this member is stopping) fails like one that broke midway. */
    private Future<ShareReports> gatherOrFail(List<PreparedFingerprint> probe, double threshold, int max) {
        try {
            return gather(probe, threshold, max);
        } catch (RuntimeException notStarted) {
            return Future.failedFuture(notStarted);
        }
    }

    /** One round: this member's share scanned here, every other member's by a task sent to it. */
    Future<ShareReports> gather(List<PreparedFingerprint> probe, double threshold, int max) {
        int partitionCount = hazelcast.getPartitionService().getPartitions().size();
        Set<Member> others = otherMembers();
        Future<List<ShareReport>> remote = others.isEmpty()
                ? Future.succeededFuture(List.of())
                : askMembers(others, new ShareScanTask(ProbeFinger.exported(probe), threshold, max));
        Future<ShareReport> local = localShare.scan(probe, threshold, max);
        return Future.all(local, remote).map(both -> {
            List<ShareReport> reports = new ArrayList<>(remote.result());
            reports.add(local.result());
            return new ShareReports(reports, partitionCount);
        });
    }

    private Future<List<ShareReport>> askMembers(Set<Member> members, ShareScanTask task) {
        CompletableFuture<List<ShareReport>> answers = new CompletableFuture<>();
        MultiExecutionCallback collect = new MultiExecutionCallback() {
            @Override
            public void onResponse(Member member, Object value) {
                // read all together in onComplete
            }

            @Override
            public void onComplete(Map<Member, Object> values) {
                answers.complete(values.entrySet().stream()
                        .map(answer -> reportOf(answer.getKey(), answer.getValue()))
                        .toList());
            }
        };
        try {
            hazelcast.getExecutorService(ScanExecutor.NAME).submitToMembers(task, members, collect);
        } catch (RuntimeException notSent) { // this member is stopping, or the task could not be serialized
            answers.completeExceptionally(notSent);
        }
        return VertxFutures.of(answers.orTimeout(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS));
    }

    /** A member's answer; a failure (it left, or is not a member any more) claims no partitions. */
    private static ShareReport reportOf(Member member, Object answer) {
        if (answer instanceof ShareReport report) {
            return report;
        }
        String id = member.getUuid().toString();
        if (answer instanceof RejectedExecutionException) {
            return ShareReport.busy(id); // its scan executor's queue is full
        }
        LOG.warn(
                "member {} did not scan its fingerprint share: {}",
                id,
                answer == null ? "no answer" : answer.getClass().getSimpleName());
        return ShareReport.nothingScanned(id);
    }

    private Set<Member> otherMembers() {
        return hazelcast.getCluster().getMembers().stream()
                .filter(member -> !member.localMember())
                .collect(Collectors.toSet());
    }
}
