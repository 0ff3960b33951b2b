package org.civis.auth.cluster.gallery;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.civis.core.biometrics.BiometricsUnavailable;
import org.civis.core.biometrics.PreparedFingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan one member asks of another. It runs on the receiving member's {@link ScanExecutor}
 * thread, which only waits: the comparing happens on that member's biometric workers. Failures come
 * back as a report that claims no partitions, never as an exception, so nothing personal has to be
 * serialized in a stack trace and the asker simply sees a gap.
 */
final class ShareScanTask implements Callable<ShareReport>, HazelcastInstanceAware, Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(ShareScanTask.class);
    /** Longer than any scan of a healthy member; the asker stops waiting a little later. */
    static final long WAIT_SECONDS = 120;

    private final List<ProbeFinger> probe;
    private final double threshold;
    private final int max;
    private final Set<Integer> partitions;
    private transient HazelcastInstance hazelcast;

    ShareScanTask(List<ProbeFinger> probe, double threshold, int max, Set<Integer> partitions) {
        this.probe = List.copyOf(probe);
        this.threshold = threshold;
        this.max = max;
        this.partitions = Set.copyOf(partitions);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcast) {
        this.hazelcast = hazelcast;
    }

    @Override
    public ShareReport call() {
        String member = hazelcast.getCluster().getLocalMember().getUuid().toString();
        Optional<GalleryShare> share = GalleryShare.registeredIn(hazelcast);
        if (share.isEmpty()) {
            return ShareReport.nothingScanned(member); // starting or stopping: its share stays uncovered
        }
        try {
            List<PreparedFingerprint> prepared =
                    probe.stream().map(ProbeFinger::prepared).toList();
            return share.get()
                    .scan(prepared, threshold, max, partitions)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof BiometricsUnavailable e && e.isBusy()) {
                return ShareReport.busy(member);
            }
            LOG.warn(
                    "a fingerprint share scan failed: {}",
                    failed.getCause().getClass().getSimpleName());
            return ShareReport.nothingScanned(member);
        } catch (TimeoutException | RuntimeException failed) {
            LOG.warn("a fingerprint share scan failed: {}", failed.getClass().getSimpleName());
            return ShareReport.nothingScanned(member);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return ShareReport.nothingScanned(member);
        }
    }
}
