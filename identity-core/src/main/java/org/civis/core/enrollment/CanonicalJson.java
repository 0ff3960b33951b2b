package org.civis.core.enrollment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON with object keys sorted at every depth, so that the same packet sent twice with its keys
 * in another order is recognised as the same packet.
 */
final class CanonicalJson {
    private CanonicalJson() {}

    static String encode(JsonObject json) {
        return new JsonObject(sortedMap(json)).encode();
    }

    private static Map<String, Object> sortedMap(JsonObject json) {
        Map<String, Object> sorted = new TreeMap<>();
        json.forEach(entry -> sorted.put(entry.getKey(), sorted(entry.getValue())));
        return sorted;
    }

    private static Object sorted(Object value) {
        if (value instanceof JsonObject object) {
            return new JsonObject(sortedMap(object));
        }
        if (value instanceof JsonArray array) {
            List<Object> items = new ArrayList<>();
            array.forEach(item -> items.add(sorted(item)));
            return new JsonArray(items);
        }
        return value;
    }
}
