package org.civis.auth.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Arrays;
import java.util.Map;

/**
 * Removes the entry if it still holds the value whose tag failed the caller's check, so the next
 * load replaces it even when it claims a revision newer than the database's. Compares tags only
 * (it carries no key); a value changed meanwhile is left for its own check.
 */
public record RemoveForged<V extends Authenticated>(byte[] forgedTag) implements EntryProcessor<String, V, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, V> entry) {
        V current = entry.getValue();
        if (current == null || !Arrays.equals(current.tag(), forgedTag)) {
            return false;
        }
        entry.setValue(null);
        return true;
    }
}
