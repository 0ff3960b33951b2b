package org.civis.auth.resident;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import org.civis.auth.cluster.ClusterMaps;
import org.civis.auth.cluster.CountInWindow;
import org.civis.auth.cluster.VertxFutures;

/**
 * How many sign-in codes one client may ask the resident portal for, cluster-wide, per window,
 * whatever identities it names: the portal needs no credentials, so without this one client
 * could send codes to many residents. Every request counts, sent or not, so probing identities
 * costs the same budget. The per-identity budget is {@code OtpService}'s.
 */
public final class AddressBudget {
    private final IMap<String, Integer> counters;
    private final int perWindow;
    private final Duration window;
    private final Clock clock;

    public AddressBudget(HazelcastInstance hazelcast, int perWindow, Duration window, Clock clock) {
        this.counters = hazelcast.getMap(ClusterMaps.RATES);
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
    }

    /** Takes one request from {@code client}'s budget (a client address or network), or answers false. */
    public Future<Boolean> take(String client) {
        long windowMillis = window.toMillis();
        String counter = CountInWindow.key("resident-otp|" + client, clock.millis(), windowMillis);
        return VertxFutures.of(counters.submitToKey(counter, CountInWindow.one(perWindow, windowMillis)))
                .map(taken -> taken > 0);
    }
}
