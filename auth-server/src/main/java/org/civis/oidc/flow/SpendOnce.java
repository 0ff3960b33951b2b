package org.civis.oidc.flow;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Marks an entry spent and answers what it held before, atomically on the owning member: of two
 * nodes redeeming the same code at once, one sees it fresh and the other sees it spent. The spent
 * mark is kept {@code keepMillis} so a late replay is still recognised.
 */
record SpendOnce(long keepMillis) implements EntryProcessor<String, Object, Object> {
    @Override
    public Object process(Map.Entry<String, Object> entry) {
        Object held = entry.getValue();
        if (held instanceof FlowEntry fresh && !fresh.spent()) {
            ((ExtendedMapEntry<String, Object>) entry).setValue(fresh.asSpent(), keepMillis, TimeUnit.MILLISECONDS);
        }
        return held;
    }
}
