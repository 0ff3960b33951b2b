package org.civis.core.biometrics;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civis.core.concurrent.OrderedSlices;
import org.civis.core.id.Uin;

/**
 * Every enrolled identity's fingers, in memory and ready to compare, for 1:N deduplication. The
 * database is the truth: the gallery tails fingerprint_templates by {@code seq} (see
 * {@link FingerprintStore} for why that misses nothing), so every node's gallery converges on the
 * same content whichever node enrolled. Searches run in parallel slices on the biometric workers.
 */
public final class FingerprintGallery implements FingerprintSearch {
    private static final int BATCH = 2_000;

    private final Pool pool;
    private final FingerprintStore store;
    private final BiometricWorkers workers;
    private final Map<Uin, List<PreparedFingerprint>> entries = new ConcurrentHashMap<>();
    /** Every row up to this seq is in {@link #entries}; advanced only after the rows are in. */
    private volatile long seenSeq;

    private Future<Void> lastCatchUp = Future.succeededFuture();
    private Promise<Void> queuedCatchUp;

    public FingerprintGallery(Pool pool, FingerprintStore store, BiometricWorkers workers) {
        this.pool = pool;
        this.store = store;
        this.workers = workers;
    }

    /** Identities in the gallery. */
    public int size() {
        return entries.size();
    }

    /** The seq up to which the gallery holds every row. */
    public long seenSeq() {
        return seenSeq;
    }

    /**
     * Reads the rows written since the last catch-up. Calls made while one is running share one
     * follow-up run, which starts after it and so sees everything committed before the call.
     */
    public synchronized Future<Void> catchUp() {
        if (queuedCatchUp != null) {
            return queuedCatchUp.future();
        }
        Promise<Void> next = Promise.promise();
        queuedCatchUp = next;
        lastCatchUp.onComplete(previous -> {
            synchronized (this) {
                queuedCatchUp = null;
            }
            readFrom(seenSeq).onComplete(next);
        });
        lastCatchUp = next.future();
        return next.future();
    }

    /** Catches up with the template table, then searches every identity in it. */
    @Override
    public Future<Result> search(List<PreparedFingerprint> probe, double threshold, int max) {
        return catchUp().compose(caughtUp -> {
            // Read before the snapshot: every row up to it is already in the entries.
            long complete = seenSeq;
            List<Map.Entry<Uin, List<PreparedFingerprint>>> snapshot = new ArrayList<>(entries.entrySet());
            return searchAmong(probe, snapshot, threshold, max).map(found -> new Result(found, complete));
        });
    }

    /** A snapshot of the entries, for a search that scans only part of them (a cluster member's share). */
    public List<Map.Entry<Uin, List<PreparedFingerprint>>> entries() {
        return new ArrayList<>(entries.entrySet());
    }

    /** The same search over a given set of identities (rows read outside the gallery). */
    public Future<List<BiometricCandidate>> searchAmong(
            List<PreparedFingerprint> probe,
            List<Map.Entry<Uin, List<PreparedFingerprint>>> enrolled,
            double threshold,
            int max) {
        if (probe.isEmpty() || enrolled.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return OrderedSlices.map(
                        enrolled,
                        workers.threads(),
                        slice -> workers.submit(() -> DuplicateScan.scan(probe, slice, threshold)))
                .map(found -> BiometricCandidates.merge(found, List.of(), max));
    }

    /** Opens and prepares rows on the workers, in parallel slices, keeping their seq order. */
    public Future<List<PreparedRow>> prepare(List<FingerprintStore.SealedRow> rows) {
        return OrderedSlices.map(
                rows,
                workers.threads(),
                slice -> workers.submit(() -> slice.stream().map(this::prepare).toList()));
    }

    private PreparedRow prepare(FingerprintStore.SealedRow sealed) {
        FingerprintStore.TemplateRow row = store.open(sealed);
        List<PreparedFingerprint> fingers =
                row.fingers().stream().map(FingerprintExtractor::prepare).toList();
        return new PreparedRow(row.seq(), row.uin(), fingers);
    }

    private Future<Void> readFrom(long after) {
        return store.since(pool, after, BATCH).compose(this::prepare).compose(rows -> {
            if (rows.isEmpty()) {
                return Future.succeededFuture();
            }
            for (PreparedRow row : rows) {
                if (row.fingers().isEmpty()) {
                    entries.remove(row.uin());
                } else {
                    entries.put(row.uin(), row.fingers());
                }
            }
            long last = rows.get(rows.size() - 1).seq();
            seenSeq = last;
            return rows.size() < BATCH ? Future.succeededFuture() : readFrom(last);
        });
    }

    /** A row opened and made ready to compare. */
    public record PreparedRow(long seq, Uin uin, List<PreparedFingerprint> fingers) {}
}
