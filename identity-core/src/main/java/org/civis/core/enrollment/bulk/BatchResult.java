package org.civis.core.enrollment.bulk;

import java.util.List;

/** The outcome of one batch, one result per packet in the order given. */
public record BatchResult(List<BulkResult> results) {
    public BatchResult {
        results = List.copyOf(results);
    }

    public long issued() {
        return count(BulkResult.Issued.class);
    }

    public long parked() {
        return count(BulkResult.Parked.class);
    }

    public long existing() {
        return count(BulkResult.Existing.class);
    }

    public long refused() {
        return count(BulkResult.Refused.class);
    }

    private long count(Class<? extends BulkResult> kind) {
        return results.stream().filter(kind::isInstance).count();
    }
}
