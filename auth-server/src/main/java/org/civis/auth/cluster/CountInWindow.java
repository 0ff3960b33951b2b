package org.civis.auth.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fixed-window counter: takes up to {@code wanted} of what is left under {@code limit} in this
 * window and answers how many it took (0 when the window is used up). The key names the window;
 * the entry outlives it by one more window and then expires.
 */
public record CountInWindow(int limit, int wanted, long windowMillis)
        implements EntryProcessor<String, Integer, Integer> {

    public CountInWindow {
        if (limit < 1 || wanted < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("limit, wanted and window must be positive");
        }
    }

    /** Counts one request if the window has room. */
    public static CountInWindow one(int limit, long windowMillis) {
        return new CountInWindow(limit, 1, windowMillis);
    }

    @Override
    public Integer process(Map.Entry<String, Integer> entry) {
        int counted = entry.getValue() == null ? 0 : entry.getValue();
        int taken = Math.max(0, Math.min(wanted, limit - counted));
        if (taken > 0) {
            ((ExtendedMapEntry<String, Integer>) entry)
                    .setValue(counted + taken, 2 * windowMillis, TimeUnit.MILLISECONDS);
        }
        return taken;
    }

    /** The key of the window that {@code nowMillis} falls in. */
    public static String key(String scope, long nowMillis, long windowMillis) {
        return scope + "@" + (nowMillis / windowMillis);
    }
}
