package org.civis.auth.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fixed-window rate counter: counts a request if fewer than {@code limit} were counted under
 * this key, and says whether it was. The key names the window; the entry outlives it by one more
 * window and then expires.
 */
public record CountInWindow(int limit, long windowMillis) implements EntryProcessor<String, Integer, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, Integer> entry) {
        int counted = entry.getValue() == null ? 0 : entry.getValue();
        if (counted >= limit) {
            return false;
        }
        ((ExtendedMapEntry<String, Integer>) entry).setValue(counted + 1, 2 * windowMillis, TimeUnit.MILLISECONDS);
        return true;
    }

    /** The key of the window that {@code nowMillis} falls in. */
    public static String key(String scope, long nowMillis, long windowMillis) {
        return scope + "@" + (nowMillis / windowMillis);
    }
}
