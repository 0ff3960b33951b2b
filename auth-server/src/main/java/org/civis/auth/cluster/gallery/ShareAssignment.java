package org.civis.auth.cluster.gallery;

import com.hazelcast.cluster.Member;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who scans what in one search round: partition {@code p} goes to the {@code p mod k}-th of the
 * {@code k} gallery members. Every gallery holds every identity, so any member can scan any
 * partition; the asker decides, so the split does not depend on Hazelcast's partition ownership
 * holding still, and members without a gallery simply get nothing.
 *
 * @param shares each gallery member's partitions; empty when no member holds a gallery
 * @param partitionCount the cluster's partitions, all of which the shares cover
 */
record ShareAssignment(Map<Member, Set<Integer>> shares, int partitionCount) {

    static ShareAssignment of(List<Member> galleryMembers, int partitionCount) {
        Map<Member, Set<Integer>> shares = new LinkedHashMap<>();
        galleryMembers.forEach(member -> shares.put(member, new HashSet<>()));
        for (int partition = 0; partition < partitionCount && !galleryMembers.isEmpty(); partition++) {
            shares.get(galleryMembers.get(partition % galleryMembers.size())).add(partition);
        }
        return new ShareAssignment(Map.copyOf(shares), partitionCount);
    }

    boolean isEmpty() {
        return shares.isEmpty();
    }

    /** Whether the only gallery member is the asker itself, which then owes nobody a task. */
    boolean onlyLocal() {
        return shares.size() == 1 && shares.keySet().iterator().next().localMember();
    }
}
