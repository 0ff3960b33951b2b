package org.civis.auth.cluster;

import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * A per-second limit shared by the whole cluster, served from leases. The cluster-wide counter
 * ({@link CountInWindow}) hands this node a block of the current second's allowance at a time, and
 * requests are counted against the block locally; only an empty block costs a cluster call. Over
 * the cluster no more than the limit is ever admitted in one second.
 *
 * <p>Why: a counter call per request was one of the two Hazelcast operations on every partner
 * request, a partition-thread round trip each. A block is a tenth of the limit split over the
 * members, so a partner at full rate costs about ten calls a second per node. The price is that a
 * block taken by one node and not used by the end of the second is lost for that second: when
 * several nodes share a partner's traffic unevenly, it may be admitted up to a tenth less than its
 * limit. Small limits (under ten a second per member) lease one request at a time, which is exact.
 */
public final class LeasedWindowLimit {
    private static final long WINDOW_MILLIS = 1_000;
    private static final int BLOCKS_PER_WINDOW = 10;

    private final IMap<String, Integer> counters;
    private final IntSupplier members;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    /** @param members how many nodes share the limit now (the cluster's member count) */
    public LeasedWindowLimit(IMap<String, Integer> counters, IntSupplier members, Clock clock) {
        this.counters = counters;
        this.members = members;
        this.clock = clock;
    }

    /** Admits one request under {@code scope}'s limit of {@code perSecond}, or answers false. */
    public Future<Boolean> tryAcquire(String scope, int perSecond) {
        long now = clock.millis();
        long index = now / WINDOW_MILLIS;
        Window window =
                windows.compute(scope, (key, old) -> old != null && old.index == index ? old : new Window(index));
        Future<Void> lease;
        synchronized (window) {
            if (window.remaining > 0) {
                window.remaining--;
                return Future.succeededFuture(true);
            }
            if (window.exhausted) {
                return Future.succeededFuture(false);
            }
            if (window.pending == null) {
                Promise<Void> leased = Promise.promise();
                window.pending = leased.future();
                // May complete at once, on this thread, which already holds the window's monitor.
                lease(window, leased, scope, perSecond, now);
            }
            lease = window.pending == null ? Future.succeededFuture() : window.pending;
        }
        // Whoever waited for the block tries again; a later second starts a fresh window.
        return lease.compose(leased -> tryAcquire(scope, perSecond));
    }

    private void lease(Window window, Promise<Void> leased, String scope, int perSecond, long now) {
        int wanted = Math.max(1, perSecond / (BLOCKS_PER_WINDOW * Math.max(1, members.getAsInt())));
        String key = CountInWindow.key("lease|" + scope, now, WINDOW_MILLIS);
        VertxFutures.of(counters.submitToKey(key, new CountInWindow(perSecond, wanted, WINDOW_MILLIS)))
                .onComplete(taken -> {
                    synchronized (window) {
                        window.pending = null;
                        if (taken.succeeded()) {
                            window.remaining += taken.result();
                            window.exhausted = taken.result() < wanted;
                        }
                    }
                    leased.handle(taken.mapEmpty());
                });
    }

    /** This node's state of one scope in one second. Guarded by its own monitor. */
    private static final class Window {
        final long index;
        int remaining;
        boolean exhausted;
        Future<Void> pending;

        Window(long index) {
            this.index = index;
        }
    }
}
