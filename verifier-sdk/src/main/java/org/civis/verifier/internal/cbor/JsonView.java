package org.civis.verifier.internal.cbor;

import com.upokecenter.cbor.CBORObject;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A CBOR map seen as JSON values ({@link CborValues#toJsonValue}), converted on first read: most
 * callers never look at the raw claims, and converting a photo to hex on every verification would
 * cost the fast path for nothing. Unmodifiable; safe to share between threads.
 */
public final class JsonView extends AbstractMap<String, Object> {
    private final CBORObject map;
    private volatile Map<String, Object> converted;

    public JsonView(CBORObject map) {
        if (!CborValues.isMap(map)) {
            throw new IllegalArgumentException("not a CBOR map");
        }
        this.map = map;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> result = converted;
        if (result == null) {
            // A racing second conversion gives an equal map: no lock needed.
            result = java.util.Collections.unmodifiableMap((Map<String, Object>) CborValues.toJsonValue(map));
            converted = result;
        }
        return result.entrySet();
    }
}
