package org.civis.auth.cluster.gallery;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import io.vertx.core.Future;
import java.util.HashSet;
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
 * This member's part of a cluster-wide 1:N search: the gallery's identities whose UIN falls in a
 * Hazelcast partition this member owns. Registered in the member's user context, where the scan
 * tasks other members send find it.
 */
public final class GalleryShare {
    static final String CONTEXT_KEY = "civis.fingerprint-gallery-share";

    private final HazelcastInstance hazelcast;
    private final FingerprintGallery gallery;
    private final BiometricWorkers workers;

    public GalleryShare(HazelcastInstance hazelcast, Biometrics biometrics) {
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

    /**
     * Catches up with the template table, then compares the probe with the identities of the
     * partitions this member owns, on the biometric workers. A partition whose ownership moved
     * during the scan is left out of the report: the asker then sees the gap and asks again.
     */
    Future<ShareReport> scan(List<PreparedFingerprint> probe, double threshold, int max) {
        return gallery.catchUp().compose(caughtUp -> {
            Set<Integer> owned = ownedPartitions();
            // Read before the snapshot, as the gallery's own search does: every row up to it is in it.
            long complete = gallery.seenSeq();
            return workers.submit(() -> entriesIn(owned))
                    .compose(mine -> gallery.searchAmong(probe, mine, threshold, max))
                    .map(found -> {
                        owned.retainAll(ownedPartitions());
                        return ShareReport.scanned(memberId(), found, owned, complete);
                    });
        });
    }

    String memberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    /** The partitions this member owns in its own view of the partition table; unassigned ones belong to nobody. */
    private Set<Integer> ownedPartitions() {
        Set<Integer> owned = new HashSet<>();
        for (Partition partition : hazelcast.getPartitionService().getPartitions()) {
            Member owner = partition.getOwner();
            if (owner != null && owner.localMember()) {
                owned.add(partition.getPartitionId());
            }
        }
        return owned;
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
