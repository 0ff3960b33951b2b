package org.civis.auth.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Stores the value unless the entry already holds the same or a newer revision. Loads after a
 * miss and refreshes after a write both go through this, so a slow load of old data can never
 * overwrite a newer view, whatever order they reach the owning member in.
 */
public record PutIfNewer<V extends Revisioned>(V value) implements EntryProcessor<String, V, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, V> entry) {
        V current = entry.getValue();
        if (current != null && current.revision() >= value.revision()) {
            return false;
        }
        entry.setValue(value);
        return true;
    }
}
