package org.civis.auth.cluster.gallery;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.PartitionService;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civis.core.biometrics.BiometricWorkers;
import org.civis.core.biometrics.Biometrics;
import org.civis.core.biometrics.FingerprintGallery;
import org.civis.core.biometrics.PreparedFingerprint;
import org.civis.core.id.Uin;

/**
 * This member's part of a cluster-wide 1:N search: the identities of the Hazelcast partitions an
 * asker assigned to it, searched in its own full gallery. Registered in the member's user context,
 * where the scan tasks other members send find it.
 */
public final class GalleryShare {
    static final String CONTEXT_KEY = "civis.fingerprint-gallery-share";

    private final HazelcastInstance hazelcast;
    private final FingerprintGallery gallery;
    private final BiometricWorkers workers;

    public GalleryShare(HazelcastInstance hazelcast, Biometrics biometrics) {
        if (!biometrics.holdsGallery()) {
            throw new IllegalArgumentException("a node that holds no gallery has no share to scan");
        }
        this.hazelcast = hazelcast;
        this.gallery = biometrics.gallery();
        this.workers = biometrics.workers();
    }

    /** Makes this share reachable by scan tasks; closing withdraws it, so a stopping member claims nothing. */
    public AutoCloseable register() {
        hazelcast.getUserContext().put(CONTEXT_KEY, this);
        return () -> hazelcast.getUserContext().remove(CONTEXT_KEY, this);
    }

    static Optional<GalleryShare> registeredIn(HazelcastInstance hazelcast) {
        return Optional.ofNullable((GalleryShare) hazelcast.getUserContext().get(CONTEXT_KEY));
    }

    /** This member's full gallery: the answer when the cluster's shares do not add up. */
    FingerprintGallery gallery() {
        return gallery;
    }

    /**
     * Catches up with the template table, then compares the probe with the identities of the given
     * partitions, on the biometric workers. The report claims exactly those partitions.
     */
    Future<ShareReport> scan(List<PreparedFingerprint> probe, double threshold, int max, Set<Integer> partitions) {
        return gallery.catchUp().compose(caughtUp -> {
            // Read before the snapshot, as the gallery's own search does: every row up to it is in it.
            long complete = gallery.seenSeq();
            return workers.submit(() -> entriesIn(partitions))
                    .compose(mine -> gallery.searchAmong(probe, mine, threshold, max))
                    .map(found -> ShareReport.scanned(memberId(), found, partitions, complete));
        });
    }

    String memberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    /** The snapshot of this member's share. CPU work over the whole gallery: runs on a worker. */
    private List<Map.Entry<Uin, List<PreparedFingerprint>>> entriesIn(Set<Integer> partitions) {
        if (partitions.isEmpty()) {
            return List.of();
        }
        PartitionService partitionService = hazelcast.getPartitionService();
        return gallery.entries().stream()
                .filter(entry -> partitions.contains(
                        partitionService.getPartition(entry.getKey().value()).getPartitionId()))
                .toList();
    }
}
