package org.civis.core.enrollment.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civis.core.dedup.DemographicKeys.DedupKey;
import org.civis.core.id.Uin;

/**
 * Decides, in batch order, what sequential single enrollments would: a packet whose demographic key
 * is held by an identity in the table, or by an earlier packet of the batch that is issued, is
 * parked; the others are issued. A parked packet's keys are not recorded, so they hold nothing.
 */
final class BatchDedup {
    private BatchDedup() {}

    /** Issue, or park with candidates from the table and the batch positions of earlier packets. */
    record Decision(boolean issue, List<Uin> tableCandidates, List<Integer> batchCandidates) {
        Decision {
            tableCandidates = List.copyOf(tableCandidates);
            batchCandidates = List.copyOf(batchCandidates);
        }
    }

    /**
     * @param keysPerPacket each packet's dedup keys, in batch order
     * @param holders per key (hex digest) the identities in the table holding it
     */
    static List<Decision> decide(List<List<DedupKey>> keysPerPacket, Map<String, List<Uin>> holders) {
        Map<String, Integer> issuedInBatch = new HashMap<>();
        List<Decision> decisions = new ArrayList<>(keysPerPacket.size());
        for (int position = 0; position < keysPerPacket.size(); position++) {
            Set<Uin> table = new LinkedHashSet<>();
            Set<Integer> batch = new LinkedHashSet<>();
            for (DedupKey key : keysPerPacket.get(position)) {
                table.addAll(holders.getOrDefault(key.hex(), List.of()));
                Integer earlier = issuedInBatch.get(key.hex());
                if (earlier != null) {
                    batch.add(earlier);
                }
            }
            boolean issue = table.isEmpty() && batch.isEmpty();
            if (issue) {
                for (DedupKey key : keysPerPacket.get(position)) {
                    issuedInBatch.putIfAbsent(key.hex(), position);
                }
            }
            decisions.add(new Decision(issue, List.copyOf(table), List.copyOf(batch)));
        }
        return decisions;
    }
}
