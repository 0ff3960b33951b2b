package org.civis.auth.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Remembers a key for a while and says whether it was new: the replay check. Atomic on the owning
 * member, so two nodes receiving the same transaction at once cannot both accept it.
 */
public record RememberOnce(long forMillis) implements EntryProcessor<String, Boolean, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, Boolean> entry) {
        if (entry.getValue() != null) {
            return false;
        }
        ((ExtendedMapEntry<String, Boolean>) entry).setValue(Boolean.TRUE, forMillis, TimeUnit.MILLISECONDS);
        return true;
    }
}
