package org.civis.auth.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Remembers a key for a while and says whether it was new: the replay check. Atomic on the owning
 * member, so two nodes receiving the same transaction at once cannot both accept it.
 *
 * <p>The value is {@code caller}, a token unique to one call. When the owning member dies after
 * writing the key (and its backup) but before answering, Hazelcast runs the same processor again on
 * the promoted backup, which already holds the key: finding its own token there, the call knows it
 * was the first, where a plain "present" would refuse a fresh request as a replay.
 */
public record RememberOnce(long forMillis, String caller) implements EntryProcessor<String, Object, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, Object> entry) {
        Object held = entry.getValue();
        if (held != null) {
            return caller.equals(held);
        }
        ((ExtendedMapEntry<String, Object>) entry).setValue(caller, forMillis, TimeUnit.MILLISECONDS);
        return true;
    }
}
