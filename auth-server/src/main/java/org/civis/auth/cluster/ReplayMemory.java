package org.civis.auth.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The cluster's memory of used transaction ids, per kind of request and partner: the fast replay
 * check, answered by the owning member before any work is done. It is not the last word (a
 * restart empties it, a member could delete a key): the unique index on auth_transactions is, and
 * at start a node reads the recent window back in here.
 */
public final class ReplayMemory {
    private final IMap<String, Object> seen;
    private final Duration keepFor;

    /** {@code window}: how far a request time may be from the server's. */
    public ReplayMemory(HazelcastInstance hazelcast, Duration window) {
        this.seen = hazelcast.getMap(ClusterMaps.REPLAY);
        // A copy sent later than two windows after the first fails the time check instead.
        this.keepFor = window.multipliedBy(2);
    }

    /** How long a used transaction id is remembered after it was admitted. */
    public Duration keepFor() {
        return keepFor;
    }

    /** Remembers the transaction id and answers whether it was new (atomic on the owning member). */
    public Future<Boolean> firstUse(String kind, String partnerId, String transactionId) {
        return VertxFutures.of(seen.submitToKey(
                key(kind, partnerId, transactionId), new RememberOnce(keepFor.toMillis(), callToken())));
    }

    /**
     * Remembers many used transaction ids, each for its own remaining time; keys already held stay
     * as they are. One call per key, all in flight at once: measured at start over 300,000 keys,
     * this took 7 s where calls grouping keys by their time left took 16 s (by the second) and
     * 42 s (by the minute), since a many-key call runs its partition's keys one after another.
     */
    public Future<Void> rememberAll(Map<String, Long> millisLeftByKey) {
        List<Future<Boolean>> calls = new ArrayList<>(millisLeftByKey.size());
        millisLeftByKey.forEach((key, millis) ->
                calls.add(VertxFutures.of(seen.submitToKey(key, new RememberOnce(millis, callToken())))));
        return Future.all(calls).mapEmpty();
    }

    /**
     * Tells one call's write from any other: 128 random bits, unique but not secret. A member that
     * can write the map can mark or free any key anyway; the database's unique index stays the
     * last word on a transaction id.
     */
    private static String callToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    /** The map key of a transaction id; {@code kind} in any case ("auth" from the gate, "AUTH" from a record). */
    public static String key(String kind, String partnerId, String transactionId) {
        return kind.toLowerCase(Locale.ROOT) + "|" + partnerId + "|" + transactionId;
    }
}
